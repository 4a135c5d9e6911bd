package org.devicelink.server.http;

import org.devicelink.code.UserCode;
import org.devicelink.protocol.ProblemType;

/** A user code as a request carries it, normalized once here at the edge: every layer past it sees only a {@link UserCode}. */
public final class CodeInput {

    private CodeInput() {}

    /**
     * The code in {@code input}, or a {@code code-invalid} problem that says what is wrong with it. A malformed code is
     * no guess at anyone's code, so it costs no attempt.
     */
    public static UserCode parse(String input) {
        return switch (UserCode.parse(input)) {
            case UserCode.Parsed.Valid(UserCode code) -> code;
            case UserCode.Parsed.Invalid invalid -> throw new ApiProblem(ProblemType.CODE_INVALID, invalid.messageKey(),
                    invalid.messageArguments());
        };
    }
}
