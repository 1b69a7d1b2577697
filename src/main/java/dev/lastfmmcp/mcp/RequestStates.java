package dev.lastfmmcp.mcp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.support.Fingerprint;

/**
 * The {@code requestState} of a 2026-07-28 {@code input_required} result: what the server needs on the client's
 * retry, sealed so that the client cannot change it. It is {@code base64url(payload).base64url(HMAC-SHA256(payload))}
 * under the server's request-state key (the same on every node, so any node takes the retry). The payload binds the
 * state to one request (method, tool / prompt / resource, a digest of the arguments, the caller's credential
 * fingerprint), expires after the configured time, and carries the answers given in earlier rounds. It holds no
 * secret: a fingerprint of the credential, never the credential.
 */
public class RequestStates {

    /** Longer states are refused unread (-32602). */
    static final int MAX_CHARS = 16_384;
    private static final int VERSION = 1;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final Clock clock;
    private final Duration ttl;

    /** What a state is bound to: the request it was issued for, and whose it is. */
    public record Binding(String method, String name, String argumentsDigest, String caller) {

        /**
         * The binding of {@code call} for {@code caller}: tools/call and prompts/get by their name and arguments,
         * resources/read by its URI.
         */
        public static Binding of(McpCall call, Caller caller, RequestStates states) {
            JsonNode params = call.getParams();
            String name = "resources/read".equals(call.getMethod()) ? call.param("uri") : call.param("name");
            JsonNode arguments = params == null ? null : params.get("arguments");
            String who = caller == null || caller.isAnonymous() || caller.credentialHash() == null ? "anonymous"
                    : caller.credentialHash();
            return new Binding(call.getMethod(), name, states.digest(arguments), who);
        }
    }

    /** An opened state: the answers of earlier rounds, or none when it expired (the client is asked again). */
    public record Opened(ObjectNode answers, boolean expired) {
    }

    /** @param secret 32 bytes; {@code ttl} how long a state is accepted after it was issued */
    public RequestStates(byte[] secret, ObjectMapper mapper, Clock clock, Duration ttl) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.mapper = mapper;
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A short id of the key, for the start-up log (never the key). */
    public String keyId() {
        return Fingerprint.sha256(key.getEncoded()).substring(0, 8);
    }

    /** SHA-256 of the arguments in canonical JSON (keys sorted at every level); "-" for none. */
    String digest(JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return "-";
        }
        try {
            return Fingerprint.sha256(canonical.writeValueAsString(mapper.convertValue(arguments, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("arguments that were read as JSON cannot be written as JSON", e);
        }
    }

    /** A sealed state for {@code binding} carrying {@code answers} (the answers so far, keyed as asked). */
    public String seal(Binding binding, ObjectNode answers) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("v", VERSION);
        payload.put("exp", clock.instant().plus(ttl).getEpochSecond());
        payload.put("m", binding.method());
        payload.put("n", binding.name());
        payload.put("h", binding.argumentsDigest());
        payload.put("u", binding.caller());
        payload.set("a", answers == null ? mapper.createObjectNode() : answers);
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request state cannot be written", e);
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(bytes) + "." + base64.encodeToString(mac(bytes));
    }

    /**
     * Opens a state the client echoed for the request {@code expected}: -32602 when it was altered, is not from this
     * server, or belongs to another request or caller; an expired state opens as {@link Opened#expired()}.
     */
    public Opened open(String state, Binding expected) {
        if (state.length() > MAX_CHARS) {
            throw invalid("requestState is longer than " + MAX_CHARS + " characters");
        }
        int dot = state.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(dot < 0 ? state : state.substring(0, dot));
            signature = dot < 0 ? new byte[0] : Base64.getUrlDecoder().decode(state.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("requestState was altered or is not from this server");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid("requestState was altered or is not from this server");
        }
        JsonNode fields;
        try {
            fields = mapper.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw invalid("requestState was altered or is not from this server");
        }
        Binding bound = new Binding(fields.path("m").asText(null), fields.path("n").asText(null),
                fields.path("h").asText(null), fields.path("u").asText(null));
        if (fields.path("v").asInt() != VERSION || !bound.equals(expected)) {
            throw invalid("requestState belongs to another request (" + Objects.toString(bound.method(), "?")
                          + " " + Objects.toString(bound.name(), "") + " with other arguments, or another caller); "
                          + "send the requestState of this request's last answer");
        }
        if (clock.instant().getEpochSecond() > fields.path("exp").asLong()) {
            return new Opened(mapper.createObjectNode(), true);
        }
        JsonNode answers = fields.path("a");
        return new Opened(answers.isObject() ? (ObjectNode) answers : mapper.createObjectNode(), false);
    }

    private byte[] mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static JsonRpcException invalid(String why) {
        return JsonRpcException.invalidParams("Invalid params: " + why + ".");
    }
}
