package org.w3id.claimgraph.build;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.w3id.claimgraph.project.Sha256;

/** A source document's text as read from disk: its id, its decoded text and the SHA-256 of its bytes. */
public record SourceText(String id, Path file, String text, String sha256) {

    /** Decodes strictly as UTF-8: a byte sequence that is not UTF-8 is an error, not a replacement character. */
    public static SourceText of(String id, Path file, byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return new SourceText(id, file, text, Sha256.hex(bytes));
    }

    /** The part of a document id before the first underscore: "003" for "003_497fb625f584bf77". */
    public String number() {
        int underscore = id.indexOf('_');
        return underscore < 0 ? id : id.substring(0, underscore);
    }
}
