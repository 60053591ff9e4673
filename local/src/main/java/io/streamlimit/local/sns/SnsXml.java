package io.streamlimit.local.sns;

import java.util.UUID;

/** The SNS query protocol's XML replies: {@code <ActionResponse><ActionResult>...} and the error shape. */
final class SnsXml {

    private static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsXml() {
    }

    static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"" + XMLNS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                + action + "Response>";
    }

    static String error(SnsError error) {
        return "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>" + error.code() + "</Code><Message>"
                + text(error.getMessage()) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    /** {@code <name>text</name>}, the text escaped. */
    static String element(String name, String text) {
        return "<" + name + ">" + text(text) + "</" + name + ">";
    }

    static String text(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
