package io.jenkins.plugins.exotoken.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for passwords from variables and files: drop a BOM and one final line ending, refuse other lines. */
class PasswordTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Pa55 word", "Pa55 word\n", "Pa55 word\r\n", "\uFEFFPa55 word", "\uFEFFPa55 word\r\n"})
    void aByteOrderMarkAndOneFinalLineEndingAreDropped(String text) throws Exception {
        assertThat(PasswordText.of("test", text).reveal()).isEqualTo("Pa55 word");
        assertThat(PasswordText.of("test", text.getBytes(StandardCharsets.UTF_8)).reveal()).isEqualTo("Pa55 word");
    }

    @ParameterizedTest
    @ValueSource(strings = {" pw ", "pw\t"})
    void otherWhiteSpaceIsPartOfThePassword(String text) throws Exception {
        assertThat(PasswordText.of("test", text).reveal()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pw\nsecond line", "pw\n\n", "pw\r", "pw\r\n\r\n"})
    void aLineBreakInsideIsRefusedWithoutShowingThePassword(String text) {
        assertThatThrownBy(() -> PasswordText.of("password file pw.txt", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The password in password file pw.txt has a line break inside it: a password is one line;"
                        + " keep only the password there (one final line ending is fine).");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'pw '|' (note: it ends with a space)'", "'pw\t'|' (note: it ends with a tab)'",
            "'pw\n'|' (note: it ends with a newline)'", "'pw\r'|' (note: it ends with a carriage return)'",
            "'pw\u00A0'|' (note: it ends with a no-break space)'", "'pw'|''", "''|''"})
    void noteNamesTheTrailingCharacterOnly(String password, String note) {
        assertThat(PasswordText.note(password.toCharArray())).isEqualTo(note);
    }
}
