package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.devicelink.app.client.HttpLinkApi;
import org.devicelink.app.client.LinkApi;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.testing.Http;
import org.devicelink.tls.PinnedCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The family rules over real HTTPS, each enforced by the server: a child's approval waits for a parent, a parent
 * decides it or links a device straight to a child, and nobody reaches past their own family. On H2 and PostgreSQL.
 * The family is the provider's word, in the token's {@code roles} and {@code family} claims.
 */
abstract class FamilyContract extends ServerContract {

    static final String CONSOLE = "demo-console";

    String alex; // parent of sam, family 1
    String sam;  // child, family 1
    String kim;  // child, family 2
    String pat;  // parent of kim, family 2

    @BeforeEach
    void start() {
        start(Map.of());
        alex = member("alex", "Alex", "organizer", "family-1");
        sam = member("sam", "Sam", "child", "family-1");
        pat = member("pat", "Pat", "organizer", "family-2");
        kim = member("kim", "Kim", "child", "family-2");
        for (String token : List.of(alex, sam, pat, kim)) { // a family lists only who has signed in
            assertThat(http().get("/api/v1/devices", token).status()).isEqualTo(200);
        }
    }

    String member(String subject, String name, String role, String family) {
        return fixture.issuer.token(subject, name, b -> b.claim("roles", List.of(role)).claim("family", family));
    }

    JsonNode startCode(String deviceName) {
        var response = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", deviceName));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static UserCode codeOf(JsonNode code) {
        return ((UserCode.Parsed.Valid) UserCode.parse(code.path("user_code").asText())).code();
    }

    Http.Response poll(JsonNode code) {
        return http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()));
    }

    Http.Response approve(JsonNode code, String token, String account) {
        return http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", token, "{\"account\":\"" + account + "\"}");
    }

    String idOf(String token, String name) {
        var members = http().get("/api/v1/family/members", token);
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        for (JsonNode m : members.json()) {
            if (m.path("name").asText().equals(name)) {
                return m.path("id").asText();
            }
        }
        throw new AssertionError(name + " is not in " + members.body());
    }

    /** A child's approval that now waits for a parent: the request's id. */
    String askedByChild(JsonNode code) {
        var asked = approve(code, sam, "me");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().path("status").asText()).isEqualTo("awaiting-parent");
        return asked.json().path("id").asText();
    }

    @Test
    void aChildsApprovalWaitsForAParentWhoApprovesItAndTheDeviceBecomesTheChilds() {
        var code = startCode("Sam's Switch");
        String request = askedByChild(code);
        assertThat(poll(code).oauthError()).as("the device still waits").isEqualTo("authorization_pending");
        assertThat(approve(code, sam, "me").status()).as("asking twice").isEqualTo(409);

        var waiting = http().get("/api/v1/family/requests", alex);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.json()).hasSize(1);
        assertThat(waiting.json().get(0).path("childName").asText()).isEqualTo("Sam");
        assertThat(waiting.json().get(0).path("deviceName").asText()).isEqualTo("Sam's Switch");
        assertThat(waiting.json().get(0).path("secondsLeft").asLong()).isPositive();

        var approved = http().post("/api/v1/family/requests/" + request + "/approve", alex, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("accountName").asText()).isEqualTo("Sam");
        var tokens = poll(code);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json().path("access_token").asText()).isNotEmpty();

        assertThat(http().get("/api/v1/family/requests/" + request, sam).json().path("status").asText()).isEqualTo("approved");
        assertThat(http().get("/api/v1/family/requests", alex).json()).as("decided, so no longer waiting").isEmpty();
        assertThat(http().get("/api/v1/devices", sam).json().get(0).path("name").asText()).isEqualTo("Sam's Switch");
    }

    @Test
    void theCompanionTellsAChildItWaitsForAParentAndAParentThatItIsLinked() throws Exception {
        var tls = PinnedCertificate.trusting(fixture.server().certificateFile());
        var asChild = new HttpLinkApi(URI.create(fixture.server().baseUrl()), tls, () -> sam);
        var waiting = asChild.approve(codeOf(startCode("Sam's Switch")), "me", null);
        assertThat(waiting).isInstanceOfSatisfying(LinkApi.Approval.AwaitingParent.class,
                w -> assertThat(w.request().deviceName()).isEqualTo("Sam's Switch"));
        var asParent = new HttpLinkApi(URI.create(fixture.server().baseUrl()), tls, () -> alex);
        var linked = asParent.approve(codeOf(startCode("Alex's TV")), "me", null);
        assertThat(linked).isInstanceOfSatisfying(LinkApi.Approval.Linked.class,
                l -> assertThat(l.device().accountName()).isEqualTo("Alex"));
    }

    @Test
    void aParentsCompanionHearsOfAChildsRequestAtOnceAndNoOtherFamilyDoes() throws Exception {
        var tls = PinnedCertificate.trusting(fixture.server().certificateFile());
        var asParent = new HttpLinkApi(URI.create(fixture.server().baseUrl()), tls, () -> alex);
        var asOtherParent = new HttpLinkApi(URI.create(fixture.server().baseUrl()), tls, () -> pat);
        var heard = new LinkedBlockingQueue<String>();
        var otherHeard = new LinkedBlockingQueue<String>();
        try (var feed = asParent.watch(() -> heard.add("changed")); var other = asOtherParent.watch(() -> otherHeard.add("changed"))) {
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the stream opens: read everything").isNotNull();
            assertThat(otherHeard.poll(10, TimeUnit.SECONDS)).isNotNull();

            var code = startCode("Sam's Switch");
            String request = askedByChild(code);
            assertThat(heard.poll(5, TimeUnit.SECONDS)).as("the child's request").isNotNull();
            assertThat(asParent.familyRequests()).extracting(FamilyRequest::id).containsExactly(request);
            var device = asParent.approveRequest(request);
            assertThat(device.accountName()).isEqualTo("Sam");
            assertThat(heard.poll(5, TimeUnit.SECONDS)).as("the approval").isNotNull();
            assertThat(asParent.familyRequests()).isEmpty();
            assertThat(asParent.devices(LinkApi.ALL_MEMBERS)).extracting(LinkedDevice::accountName).containsExactly("Sam");
            assertThat(poll(code).status()).as("the device has its tokens").isEqualTo(200);

            assertThat(http().delete("/api/v1/devices/" + device.id(), sam).status()).isEqualTo(200);
            assertThat(heard.poll(5, TimeUnit.SECONDS)).as("the child unlinked it, elsewhere").isNotNull();
            // that nobody else is told is AccountChanges' to show, without waiting on silence (AccountChangesTest);
            // here, over real HTTP, the other family's stream carries its own changes
            assertThat(asOtherParent.approve(codeOf(startCode("Pat's TV")), "me", null)).isInstanceOf(LinkApi.Approval.Linked.class);
            assertThat(otherHeard.poll(10, TimeUnit.SECONDS)).as("Pat's own change").isNotNull();
        }
        assertThat(http().get("/api/v1/events", null).status()).as("no token, no stream").isEqualTo(401);
        var notAsked = http().get("/api/v1/events", alex);
        assertThat(notAsked.status()).as("not asked as an event stream").isEqualTo(400);
        assertThat(notAsked.json().path("detail").asText()).contains("Accept: text/event-stream");
    }

    @Test
    void anActivityIsReadByItsOwnerAndTheirParentOnly() {
        assertThat(approve(startCode("Sam's Switch"), alex, idOf(alex, "Sam")).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/activity?member=all", alex).json()).extracting(e -> e.path("accountName").asText()).contains("Sam");
        assertThat(http().get("/api/v1/activity?member=all", sam).problem()).as("a child, the family's").isEqualTo("parents-only");
        assertThat(http().get("/api/v1/activity?member=" + idOf(alex, "Sam"), pat).problem()).as("another family's child")
                .isEqualTo("not-in-family");
        assertThat(http().get("/api/v1/activity", kim).json()).as("another family sees none of it").isEmpty();
    }

    @Test
    void aParentWhoDeclinesSendsTheDeviceAccessDenied() {
        var code = startCode("Unknown console");
        String request = askedByChild(code);
        assertThat(http().post("/api/v1/family/requests/" + request + "/deny", alex, "{\"report\":false}").status()).isEqualTo(204);
        assertThat(poll(code).oauthError()).isEqualTo("access_denied");
        assertThat(http().get("/api/v1/family/requests/" + request, sam).json().path("status").asText()).isEqualTo("denied");
        assertThat(http().post("/api/v1/family/requests/" + request + "/approve", alex, "").status()).as("already decided").isEqualTo(404);
    }

    @Test
    void aParentLinksADeviceStraightToTheirChild() {
        var code = startCode("Living-room Switch");
        var linked = approve(code, alex, idOf(alex, "Sam"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("accountName").asText()).isEqualTo("Sam");
        assertThat(poll(code).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/devices", sam).json()).hasSize(1);
        assertThat(http().get("/api/v1/devices", alex).json()).as("the parent's own list").isEmpty();
        assertThat(http().get("/api/v1/devices?member=all", alex).json()).hasSize(1);
    }

    @Test
    void nobodyReachesIntoAnotherFamily() {
        String kimId = idOf(pat, "Kim");
        var code = startCode("Console");
        var refused = approve(code, alex, kimId);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).isEqualTo("not-in-family");
        assertThat(approve(code, sam, idOf(alex, "Alex")).problem()).as("a child for their parent").isEqualTo("not-in-family");
        assertThat(http().get("/api/v1/devices?member=" + kimId, alex).problem()).isEqualTo("not-in-family");

        var kims = startCode("Kim's console");
        var asked = approve(kims, kim, "me");
        String request = asked.json().path("id").asText();
        assertThat(http().get("/api/v1/family/requests", alex).json()).as("another family's requests").isEmpty();
        assertThat(http().post("/api/v1/family/requests/" + request + "/approve", alex, "").status()).isEqualTo(404);
        assertThat(http().get("/api/v1/family/requests/" + request, sam).status()).as("a sibling's, or another's").isEqualTo(404);
        assertThat(http().post("/api/v1/family/requests/" + request + "/approve", pat, "").status()).isEqualTo(200);
    }

    @Test
    void aChildCannotUseTheParentsSide() {
        var code = startCode("Console");
        String request = askedByChild(code);
        for (var response : List.of(http().get("/api/v1/family/requests", sam),
                http().post("/api/v1/family/requests/" + request + "/approve", sam, ""),
                http().post("/api/v1/family/requests/" + request + "/deny", sam, ""),
                http().get("/api/v1/devices?member=all", sam))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.problem()).isEqualTo("parents-only");
        }
        assertThat(poll(code).oauthError()).isEqualTo("authorization_pending");
    }

    @Test
    void aParentSeesAndUnlinksAChildsDeviceButAChildNeverTouchesTheParents() {
        var childs = startCode("Sam's Switch");
        assertThat(approve(childs, alex, idOf(alex, "Sam")).status()).isEqualTo(200);
        String refreshToken = poll(childs).json().path("refresh_token").asText();
        var parents = startCode("Alex's TV");
        var alexTv = approve(parents, alex, "me");
        String alexTvId = alexTv.json().path("id").asText();

        assertThat(http().get("/api/v1/devices", sam).json()).hasSize(1);
        assertThat(http().patch("/api/v1/devices/" + alexTvId, sam, "{\"name\":\"mine\"}").status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/devices/" + alexTvId, sam).status()).isEqualTo(404);

        var family = http().get("/api/v1/devices?member=" + idOf(alex, "Sam"), alex);
        assertThat(family.json()).hasSize(1);
        String samSwitch = family.json().get(0).path("id").asText();
        assertThat(http().patch("/api/v1/devices/" + samSwitch, pat,
                "{\"name\":\"x\"}").status()).as("another family's parent").isEqualTo(404);
        var unlinked = http().delete("/api/v1/devices/" + samSwitch, alex);
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().path("status").asText()).isEqualTo("unlinked");
        var refresh = http().form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", CONSOLE, "refresh_token",
                refreshToken));
        assertThat(refresh.oauthError()).as("the unlinked console's session is over").isEqualTo("invalid_grant");
    }
}
