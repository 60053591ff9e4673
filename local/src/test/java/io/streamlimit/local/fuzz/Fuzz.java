package io.streamlimit.local.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Inputs for the fuzz tests, from a seeded {@link Random}: JSON-ish documents, mutations of good
 * bodies, hostile shapes (deep nesting, huge strings, lone surrogates, control characters) and
 * bytes that are not UTF-8.
 */
final class Fuzz {

    static final List<String> FIELDS = List.of("type", "uid", "streamId", "at", "runId", "seq", "Type", "Message", "x", "");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false",
            "-0", "1e999", "0x10", "\"open\"", "\"close\"", "\"Notification\"", "\uD800", "\u0000", "\u2028", "é", "😀");

    private final Random random;

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A string of random characters: ASCII mostly, with controls, non-ASCII and lone surrogates. */
    String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(20);
            if (roll < 14) {
                out.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (roll < 16) {
                out.append((char) random.nextInt(0x20));
            } else if (roll < 18) {
                out.append((char) (0x80 + random.nextInt(0x2000)));
            } else if (roll < 19) {
                out.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
            } else {
                out.append("😀");
            }
        }
        return out.toString();
    }

    /** An identifier that is valid most of the time. */
    String identifier() {
        int roll = random.nextInt(10);
        if (roll < 6) {
            return "id-" + random.nextInt(1_000);
        }
        if (roll < 7) {
            return "a".repeat(128 + random.nextInt(3) - 1);
        }
        return text(20);
    }

    /** A random JSON value up to {@code depth} levels, sometimes of the wrong type for the field. */
    String json(int depth) {
        int roll = random.nextInt(depth <= 0 ? 5 : 8);
        return switch (roll) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> random.nextBoolean() ? "1.5e" + random.nextInt(400) : "-" + random.nextInt();
            case 4 -> quote(text(12));
            case 5 -> array(depth - 1);
            default -> object(depth - 1);
        };
    }

    private String array(int depth) {
        StringBuilder out = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append(json(depth));
        }
        return out.append(']').toString();
    }

    /** An object with event-like fields holding random values. */
    String object(int depth) {
        StringBuilder out = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append(quote(pick(FIELDS))).append(':');
            out.append(chance(0.5) ? quote(chance(0.5) ? pick(List.of("open", "close", "OPEN", "")) : identifier()) : json(depth));
        }
        return out.append('}').toString();
    }

    /** A good event body, as players publish it. */
    String event(String uid, String streamId) {
        return "{\"type\":\"" + (random.nextBoolean() ? "open" : "close") + "\",\"uid\":\"" + uid + "\",\"streamId\":\""
                + streamId + "\"" + (chance(0.3) ? ",\"at\":\"2026-11-23T10:00:00Z\"" : "") + "}";
    }

    /** {@code body} changed in a few random places. */
    String mutate(String body) {
        StringBuilder out = new StringBuilder(body);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(6)) {
                case 0 -> out.insert(at, pick(TOKENS));
                case 1 -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (out.length() > 0) {
                        out.setCharAt(at, (char) random.nextInt(0x250));
                    }
                }
                case 3 -> out.setLength(at);
                case 4 -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(20))));
                default -> out.insert(at, text(5));
            }
        }
        return out.toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code depth} opening brackets and nothing else, or balanced. */
    static String nesting(int depth, boolean balanced) {
        return "[".repeat(depth) + (balanced ? "]".repeat(depth) : "");
    }

    /** A body of about {@code bytes} bytes: a valid-looking event padded with a long string. */
    static String padded(int bytes) {
        String head = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"pad\":\"";
        return head + "x".repeat(Math.max(0, bytes - head.length() - 2)) + "\"}";
    }

    /** Bytes that are not valid UTF-8 (overlong forms, lone continuation bytes, truncated sequences). */
    byte[] badUtf8() {
        byte[] prefix = "{\"type\":\"open\",\"uid\":\"".getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] pick = bad[random.nextInt(bad.length)];
        byte[] suffix = "\",\"streamId\":\"s\"}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + pick.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(pick, 0, out, prefix.length, pick.length);
        System.arraycopy(suffix, 0, out, prefix.length + pick.length, suffix.length);
        return out;
    }
}
