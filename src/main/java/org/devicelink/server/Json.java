package org.devicelink.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.ProtocolJson;

/** The protocol's JSON (see {@link ProtocolJson}), and reading request bodies into records with a clear 400 on bad input. */
public final class Json {

    public static final ObjectMapper MAPPER = ProtocolJson.MAPPER;

    private Json() {}

    /** The body as {@code type}; an empty body gives {@code whenEmpty}. */
    public static <T> T read(Context ctx, Class<T> type, T whenEmpty) {
        String body = ctx.body(); // bounded by http.maxRequestSize
        if (body.isBlank()) {
            return whenEmpty;
        }
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        try {
            T value = MAPPER.readValue(body, type);
            return value == null ? whenEmpty : value;
        } catch (JsonProcessingException e) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "The body is not the JSON this call expects ("
                    + e.getOriginalMessage() + ").");
        }
    }
}
