package dev.lastfmmcp.unit;

import dev.lastfmmcp.oauth.BearerChallenge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerChallengeTest {

    private static final String PRM = "https://h/.well-known/oauth-protected-resource/mcp";

    private final BearerChallenge challenge = new BearerChallenge(() -> PRM);

    @Test
    void everyChallengeNamesTheMetadata() {
        assertThat(challenge.missing()).isEqualTo("Bearer resource_metadata=\"" + PRM + "\", scope=\"lastfm:read\"");
        assertThat(challenge.invalidToken("expired")).isEqualTo("Bearer error=\"invalid_token\", "
                + "error_description=\"expired\", resource_metadata=\"" + PRM + "\"");
        assertThat(challenge.insufficientScope("lastfm:write")).isEqualTo("Bearer error=\"insufficient_scope\", "
                + "scope=\"lastfm:write\", resource_metadata=\"" + PRM + "\"");
        assertThat(challenge.invalidRequest("x")).isEqualTo("Bearer error=\"invalid_request\", "
                + "error_description=\"x\", resource_metadata=\"" + PRM + "\"");
    }

    /** A description never breaks out of its quoted string: quotes, backslashes, control and non-ASCII characters. */
    @Test
    void descriptionsStayInsideTheirQuotes() {
        assertThat(challenge.invalidToken("a\"b\\c\nd\u00e9")).contains("error_description=\"a b c d \"");
    }
}
