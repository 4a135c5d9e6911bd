package org.devicelink.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.Problem;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.ProtocolJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a request reaches a handler (a broken request line, a URI or headers too
 * large, a body it cannot parse): in the format the path speaks, like every other answer, never an HTML page.
 */
public final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int jettyCode, String message, Throwable cause, Callback callback) {
        // a version or a method that is no HTTP at all is the client's garbage, not the server's failure
        int code = jettyCode == 505 || jettyCode == 501 ? 400 : jettyCode;
        response.setStatus(code);
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        ProblemType type = switch (code) {
            case 413 -> ProblemType.REQUEST_TOO_LARGE;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> code >= 500 ? ProblemType.SERVER_ERROR : ProblemType.INVALID_REQUEST;
        };
        String detail = "The server could not read this request" + (message == null || message.isBlank() ? "." : ": " + message + ".");
        try {
            String body;
            if (HttpErrors.speaksOAuth(path)) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                body = ProtocolJson.MAPPER.writeValueAsString(new OAuthError(code >= 500 ? "server_error" : OAuthError.INVALID_REQUEST,
                        detail));
            } else {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemType.MEDIA_TYPE);
                body = ProtocolJson.MAPPER.writeValueAsString(new Problem(type.uri().toString(), type.title(), code, detail, null));
            }
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            // a request Jetty could not take may have left its body unread: this connection ends here, and says so, so that
            // no client sends its next request down a connection about to close (a keep-alive client saw just that)
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }
}
