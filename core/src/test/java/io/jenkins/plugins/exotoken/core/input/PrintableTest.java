package io.jenkins.plugins.exotoken.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void escapesLineBreaksControlAndInvisibleFormatCharacters() {
        assertThat(Printable.escape("a\nb\rc\td\u0000e\u001bf\u007fg\u0085h\u2028i\u2029j\u202ek\u200bl"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001Bf\\u007Fg\\u0085h\\u2028i\\u2029j\\u202Ek\\u200Bl");
    }

    @Test
    void keepsPrintableTextIncludingNonAsciiLetters() {
        assertThat(Printable.escape("Zürich 東京 'x' \\n")).isEqualTo("Zürich 東京 'x' \\n");
        assertThat(Printable.hasControlCharacters("Zürich 東京")).isFalse();
        assertThat(Printable.hasControlCharacters("a\u2028b")).isTrue();
        assertThat(Printable.hasControlCharacters(null)).isFalse();
    }

    @Test
    void quoteCutsLongValues() {
        assertThat(Printable.quote("abc")).isEqualTo("'abc'");
        assertThat(Printable.quote(null)).isEqualTo("''");
        assertThat(Printable.quote("x".repeat(Printable.MAX_QUOTED + 1)))
                .isEqualTo("'" + "x".repeat(Printable.MAX_QUOTED) + "…'");
    }
}
