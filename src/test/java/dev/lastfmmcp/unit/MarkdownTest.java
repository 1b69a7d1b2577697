package dev.lastfmmcp.unit;

import dev.lastfmmcp.format.Markdown;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown.escape escapes only what Markdown would read as markup, wherever in a line the name lands. */
class MarkdownTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // left as they are: Markdown would not change their meaning
            "carol_private|carol_private",
            "Łukasz_日本|Łukasz_日本",
            "#1 Crush|#1 Crush",
            "We're #1|We're #1",
            "C# Minor|C# Minor",
            "a * b|a * b",
            "AC\\DC|AC\\DC",
            "Album [Live] Edition|Album [Live] Edition",
            "<3|<3",
            "a > b|a > b",
            "Guns N' Roses|Guns N' Roses",
            // escaped: each would be markup
            "frikandel_|frikandel\\_",
            "_private|\\_private",
            "a_ b|a\\_ b",
            "*NSYNC|\\*NSYNC",
            "P*nk|P\\*nk",
            "# Title|\\# Title",
            "## Two|\\## Two",
            "#|\\#",
            "Song #|Song \\#",
            "[x](y)|\\[x\\](y)",
            "[Live]|\\[Live\\]",
            "<b>bold</b>|\\<b>bold\\</b>",
            "> quote|\\> quote",
            "`code`|\\`code\\`",
            "ends\\|ends\\\\",
            "a\\*|a\\\\\\*"})
    void escapesOnlyWhatWouldBeMarkup(String name, String escaped) {
        assertThat(Markdown.escape(name)).isEqualTo(escaped);
    }
}
