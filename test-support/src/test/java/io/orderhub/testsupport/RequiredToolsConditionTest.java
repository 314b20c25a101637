package io.orderhub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.testsupport.RequiresTools.Tool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredToolsConditionTest {

    @TempDir
    Path bin;

    @Test
    void findsAnExecutableOnThePathAndReportsTheOthersMissing() throws IOException {
        Path psql = Files.createFile(bin.resolve("psql"));
        Files.setPosixFilePermissions(psql, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(bin.resolve("kubectl"));

        String path = "/nonexistent" + File.pathSeparator + bin;

        assertThat(RequiredToolsCondition.missing(List.of(Tool.PSQL, Tool.KUBECTL), path))
                .containsExactly(Tool.KUBECTL);
    }

    @Test
    void namesTheMissingToolAndHowToInstallIt() {
        assertThat(RequiredToolsCondition.message(List.of(Tool.DCLINT)))
                .isEqualTo("dclint not found on the PATH; install: npm install -g dclint@3.1.0"
                        + " (needs npm: apt-get install nodejs npm)");
    }
}
