package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.SecretBytes;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.exotoken.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.fileupload2.core.FileItem;

/** Turns a file uploaded with a form into stored bytes, the way a credential form keeps what it had otherwise. */
final class Uploads {

    /** Certificates and keys are a few KiB; anything this large is not one. */
    static final long MAX_BYTES = 1024 * 1024;

    private Uploads() {}

    /**
     * The upload's bytes when a file was chosen, else what the form carried over from the saved credential.
     *
     * @throws IllegalArgumentException when the upload is larger than a certificate can be
     */
    @CheckForNull
    static SecretBytes uploadedOr(@CheckForNull FileItem<?> upload, @CheckForNull SecretBytes kept) {
        if (upload == null || upload.getSize() == 0) {
            return kept == null || kept.getPlainData().length == 0 ? null : kept;
        }
        if (upload.getSize() > MAX_BYTES) {
            throw new IllegalArgumentException(Messages.Uploads_tooLarge(upload.getName(), MAX_BYTES / 1024));
        }
        try {
            return SecretBytes.fromRawBytes(upload.get());
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.Uploads_unreadable(upload.getName()), e);
        }
    }
}
