package dev.lastfmmcp.resources;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as RFC 6570 simple expansion uses it: every byte of the UTF-8 form outside the unreserved
 * set ({@code A-Z a-z 0-9 - . _ ~}) is {@code %XX}, so {@code AC/DC} is one path segment, {@code AC%2FDC}. Decoding is
 * strict: a broken escape or bytes that are not UTF-8 are an error, and {@code +} stays a plus sign.
 *
 * <p>Not the JDK's codecs, which were weighed: {@code URLEncoder}/{@code URLDecoder} are HTML-form encoding (a space
 * is {@code +}, {@code +} decodes to a space, broken escapes pass) and {@code java.net.URI} leaves {@code /} and other
 * reserved characters as they are, so {@code AC/DC} would become two segments.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The decoded text; -> IllegalArgumentException for a broken escape or escaped bytes that are not UTF-8. */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new IllegalArgumentException("a '%' must start an escape such as %2F");
                }
                bytes.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 3;
            } else {
                flush(bytes, out);
                out.append(c);
                i++;
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-escapes must encode UTF-8 text");
        }
        bytes.reset();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
