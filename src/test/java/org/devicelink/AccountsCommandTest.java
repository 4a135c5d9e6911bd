package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.devicelink.platform.UserFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devicelink server accounts …} as an operator types it, on a real data folder. */
class AccountsCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine(new UserFolders(dir.resolve("user-data"))).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void anOperatorAddsListsAndRemovesAccounts() {
        String data = dir.toString();
        var added = run("a long password\n", "server", "accounts", "add", "jo", "--name", "Jo Parent", "--role", "organizer",
                "--password-stdin", "--data-dir", data);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added jo (organizer)");
        var child = run("another password\n", "server", "accounts", "add", "kim", "--name", "Kim", "--role", "child",
                "--family", "jo", "--password-stdin", "--data-dir", data);
        assertThat(child.exit()).as(child.err()).isZero();

        var orphan = run("another password\n", "server", "accounts", "add", "lee", "--name", "Lee", "--role", "child",
                "--family", "kim", "--password-stdin", "--data-dir", data);
        assertThat(orphan.exit()).isEqualTo(2);
        assertThat(orphan.err()).contains("'kim' is not a family organizer");
        var shortPassword = run("short\n", "server", "accounts", "add", "max", "--name", "Max", "--password-stdin", "--data-dir", data);
        assertThat(shortPassword.err()).contains("at least 8 characters");

        var list = run("", "server", "accounts", "list", "--data-dir", data);
        assertThat(list.out()).contains("jo").contains("kim").contains("child").doesNotContain("lee");
        assertThat(run("", "server", "accounts", "remove", "kim", "--data-dir", data).out()).contains("Removed kim");
        assertThat(run("", "server", "accounts", "remove", "kim", "--data-dir", data).err()).contains("no account named 'kim'");
    }

    @Test
    void anOperatorRegistersAndRemovesDeviceApps() {
        String data = dir.toString();
        assertThat(run("", "server", "apps", "list", "--data-dir",
                data).out()).as("a new database has no demo apps").doesNotContain("demo-console");
        var added = run("", "server", "apps", "add", "acme-tv", "--name", "Acme TV", "--scopes", "offline_access watch", "--data-dir",
                data);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(run("", "server", "apps", "list", "--data-dir", data).out()).contains("acme-tv").contains("Acme TV")
                .contains("offline_access watch");
        var badScope = run("", "server", "apps", "add", "acme-tv", "--name", "Acme TV", "--scopes", "watch \"all\"", "--data-dir", data);
        assertThat(badScope.exit()).isEqualTo(2);
        assertThat(badScope.err()).contains("scope tokens");
        assertThat(run("", "server", "apps", "add", "a b", "--name", "X", "--scopes", "watch", "--data-dir", data).err())
                .contains("client id is 1 to 64");
        assertThat(run("", "server", "apps", "remove", "acme-tv", "--data-dir", data).out()).contains("Removed acme-tv");
        assertThat(run("", "server", "apps", "remove", "acme-tv", "--data-dir", data).exit()).isEqualTo(1);
    }
}
