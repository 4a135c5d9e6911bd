package org.devicelink.app.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.devicelink.code.UserCode;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.DenyRequest;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.Me;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.protocol.RenameRequest;
import org.devicelink.protocol.SignedOut;
import org.devicelink.protocol.SupportLookup;

/** The companion API over HTTPS, with the signed-in person's access token on every call. */
public final class HttpLinkApi implements LinkApi {

    private static final ObjectMapper JSON = ProtocolJson.MAPPER;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI server;
    private final HttpClient http;
    private final Tokens tokens;

    public HttpLinkApi(URI server, SSLContext tls, Tokens tokens) {
        this.server = server;
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.tokens = tokens;
    }

    @Override
    public PendingLink lookup(UserCode code) throws ApiFailure {
        return read(send("GET", "/api/v1/links/" + code.value(), null), PendingLink.class);
    }

    @Override
    public Approval approve(UserCode code, String account, String replace) throws ApiFailure {
        var answer = exchange("POST", "/api/v1/links/" + code.value() + "/approve", new ApproveRequest(account, replace));
        // 202 Accepted: a child's approval, waiting for a parent; 200: linked
        return answer.statusCode() == 202 ? new Approval.AwaitingParent(read(answer.body(), FamilyRequest.class))
                : new Approval.Linked(read(answer.body(), LinkedDevice.class));
    }

    @Override
    public void deny(UserCode code, boolean report) throws ApiFailure {
        send("POST", "/api/v1/links/" + code.value() + "/deny", new DenyRequest(report));
    }

    @Override
    public List<LinkedDevice> devices(String member) throws ApiFailure {
        return list(send("GET", "/api/v1/devices?member=" + encode(member), null), new TypeReference<>() {});
    }

    @Override
    public List<ActivityEntry> activity(String member) throws ApiFailure {
        return list(send("GET", "/api/v1/activity?member=" + encode(member), null), new TypeReference<>() {});
    }

    @Override
    public Me me() throws ApiFailure {
        return read(send("GET", "/api/v1/me", null), Me.class);
    }

    @Override
    public CodeStory lookUpForSupport(UserCode code) throws ApiFailure {
        return read(send("GET", "/api/v1/support/codes/" + code.value(), null), CodeStory.class);
    }

    @Override
    public List<LinkedDevice> customerDevices(String customerId, String reason) throws ApiFailure {
        return list(send("POST", "/api/v1/support/accounts/" + encode(customerId) + "/devices", new SupportLookup(reason)),
                new TypeReference<>() {});
    }

    @Override
    public List<FamilyMember> familyMembers() throws ApiFailure {
        return list(send("GET", "/api/v1/family/members", null), new TypeReference<>() {});
    }

    @Override
    public List<FamilyRequest> familyRequests() throws ApiFailure {
        return list(send("GET", "/api/v1/family/requests", null), new TypeReference<>() {});
    }

    @Override
    public FamilyRequest familyRequest(String requestId) throws ApiFailure {
        return read(send("GET", "/api/v1/family/requests/" + encode(requestId), null), FamilyRequest.class);
    }

    @Override
    public LinkedDevice approveRequest(String requestId) throws ApiFailure {
        return read(send("POST", "/api/v1/family/requests/" + encode(requestId) + "/approve", null), LinkedDevice.class);
    }

    @Override
    public void declineRequest(String requestId) throws ApiFailure {
        send("POST", "/api/v1/family/requests/" + encode(requestId) + "/deny", new DenyRequest(false));
    }

    @Override
    public AutoCloseable watch(Runnable onChange) {
        return ChangeFeed.start(http, server.resolve("/api/v1/events"), tokens, onChange);
    }

    @Override
    public LinkedDevice rename(String deviceId, String name) throws ApiFailure {
        return read(send("PATCH", "/api/v1/devices/" + encode(deviceId), new RenameRequest(name)), LinkedDevice.class);
    }

    @Override
    public LinkedDevice unlink(String deviceId) throws ApiFailure {
        return read(send("DELETE", "/api/v1/devices/" + encode(deviceId), null), LinkedDevice.class);
    }

    @Override
    public int signOutEverywhere(String member) throws ApiFailure {
        return read(send("POST", "/api/v1/devices/sign-out-all?member=" + encode(member), null), SignedOut.class).devices();
    }

    @Override
    public LinkingSetting linking(String member) throws ApiFailure {
        return read(send("GET", "/api/v1/settings/linking?member=" + encode(member), null), LinkingSetting.class);
    }

    @Override
    public LinkingSetting setLinking(String member, String linking) throws ApiFailure {
        return read(send("PUT", "/api/v1/settings/linking?member=" + encode(member), new LinkingSetting(linking, true)),
                LinkingSetting.class);
    }

    private String send(String method, String path, Object body) throws ApiFailure {
        return exchange(method, path, body).body();
    }

    /** One call, answered with a success (2xx) or thrown as the problem the server described. */
    private HttpResponse<String> exchange(String method, String path, Object body) throws ApiFailure {
        String token;
        try {
            token = tokens.accessToken();
        } catch (Exception e) {
            throw new ApiFailure(ProblemType.UNAUTHENTICATED, e.getMessage(), null, e);
        }
        try {
            var request = HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json, application/problem+json")
                    // the server's own words (a network's name, a problem it alone can word) in the companion's language
                    .header("Accept-Language", Messages.locale().toLanguageTag());
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return response;
            }
            throw problem(response);
        } catch (IOException e) {
            throw ApiFailure.unreachable(server.getAuthority(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiFailure.unreachable(server.getAuthority(), e);
        }
    }

    private static ApiFailure problem(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            ProblemType type = ProblemType.fromUri(body.path("type").asText()).orElse(ProblemType.SERVER_ERROR);
            // both branches boxed: a long in one would unbox the other's null
            Long retryAfter = body.hasNonNull("retryAfter") ? Long.valueOf(body.path("retryAfter").asLong())
                    : response.headers().firstValue("Retry-After").map(Long::valueOf).orElse(null);
            return new ApiFailure(type, body.path("detail").asText(type.title()), retryAfter, null);
        } catch (IOException e) {
            return new ApiFailure(ProblemType.SERVER_ERROR, "HTTP " + response.statusCode(), null, e);
        }
    }

    private static <T> List<T> list(String body, TypeReference<List<T>> type) throws ApiFailure {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw unexpected(e);
        }
    }

    private static <T> T read(String body, Class<T> type) throws ApiFailure {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw unexpected(e);
        }
    }

    private static ApiFailure unexpected(IOException e) {
        return new ApiFailure(ProblemType.SERVER_ERROR, String.valueOf(e.getMessage()), null, e);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

}
