package org.devicelink.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.devicelink.i18n.Messages;
import org.junit.jupiter.api.Test;

class VerificationLinkTest {

    private final VerificationLink link = new VerificationLink(URI.create("https://link.example.org/link"));
    private final UserCode code = new UserCode("WDJBMJHT");

    @Test
    void aCodeTravelsThroughTheQrAndBack() {
        URI complete = link.withCode(code);
        assertThat(complete.toString()).isEqualTo("https://link.example.org/link?code=WDJB-MJHT");
        assertThat(link.read(complete.toString())).isEqualTo(new VerificationLink.Scanned.Code(code));
        assertThat(link.read("https://LINK.example.org:443/link/?code=wdjbmjht")).isEqualTo(new VerificationLink.Scanned.Code(code));
        assertThat(link.read(VerificationLink.appLink(code).toString())).isEqualTo(new VerificationLink.Scanned.Code(code));
    }

    @Test
    void aQrThatIsNotOursIsRefusedAndTheHostNamed() {
        assertThat(reason("https://evil.example.com/link?code=WDJB-MJHT")).contains("evil.example.com").contains("phishing");
        assertThat(reason("http://link.example.org/link?code=WDJB-MJHT")).contains("not to your DeviceLink server");
        assertThat(reason("https://link.example.org:8443/link?code=WDJB-MJHT")).contains("not to your DeviceLink server");
        assertThat(reason("https://link.example.org/login?code=WDJB-MJHT")).contains("another page");
        assertThat(reason("https://link.example.org/link")).contains("no code");
        assertThat(reason("https://link.example.org/link?code=WDJB-MJH0")).contains("no digits");
        assertThat(reason("WIFI:S:home;P:secret;;")).contains("web address");
        assertThat(reason("")).contains("empty");
        assertThat(reason("https://link.example.org/link?code=" + "B".repeat(3000))).contains("too much text");
    }

    @Test
    void ofSeveralQrCodesOursIsTakenAndOtherwiseTheFirstRefused() {
        String appStore = "https://apps.example.com/get-devicelink";
        assertThat(link.readAny(List.of(appStore, "https://link.example.org/link?code=WDJB-MJHT")))
                .isEqualTo(new VerificationLink.Scanned.Code(code));
        assertThat(link.readAny(List.of(appStore, "https://evil.example.com/link?code=WDJB-MJHT")))
                .isInstanceOfSatisfying(VerificationLink.Scanned.Refused.class, r -> assertThat(r.host()).isEqualTo("apps.example.com"));
    }

    private String reason(String text) {
        var refused = (VerificationLink.Scanned.Refused) link.read(text);
        return Messages.get(refused.messageKey(), refused.messageArguments());
    }
}
