package org.devicelink.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The server's log lines as {@code log.format} says: text (logback.xml's pattern, one line per event, a stack trace
 * folded into it) or JSON, one object per line for a log shipper. No line carries a code, token or cookie: the access
 * log names routes, not paths, and nothing logs a request's headers or body.
 */
final class Logs {

    private Logs() {}

    static void format(String format) {
        if (!"json".equals(format) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("console") instanceof ConsoleAppender<ILoggingEvent> console) {
            var json = new JsonEncoder();
            json.setContext(context);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }
}
