package org.devicelink.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.util.Locale;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.ProtocolJson;

/** Reading JSON request bodies into protocol records, with a clear 4xx on anything else. */
public final class Bodies {

    private Bodies() {}

    /** The body as {@code type}; an empty body gives {@code whenEmpty}. */
    public static <T> T read(Context ctx, Class<T> type, T whenEmpty) {
        String body = ctx.body(); // bounded by http.maxRequestSize
        if (body.isBlank()) {
            return whenEmpty;
        }
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type");
        }
        try {
            T value = ProtocolJson.MAPPER.readValue(body, type);
            return value == null ? whenEmpty : value;
        } catch (JsonProcessingException e) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.json", e.getOriginalMessage());
        }
    }
}
