package cn.youfu.materials.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs the {@code tesseract} command (Debian's {@code tesseract-ocr}): the image goes in on standard input as PNG, TSV
 * words come out on standard output. Chinese is read with the model shipped with Youfu ({@link BundledModels}),
 * English (identifiers) with the installed {@code eng}.
 *
 * <p>The command line rather than a JNA binding (Tess4J): a crash or a hang of the native engine on a hostile image
 * kills one child process, not the server, and a timeout can end it for certain; there is no native ABI to keep in
 * step with the distribution's {@code libtesseract}; and each reading is isolated. The cost is loading the model per
 * call (~0.1 s for {@code chi_sim} here). {@code OMP_THREAD_LIMIT=1}: Tesseract's OpenMP threads make it several
 * times slower on a 2-core machine shared with other work.
 */
final class Tesseract {

    private final String command;
    private final Duration timeout;

    Tesseract(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /**
     * Reads {@code image}.
     *
     * @param language  e.g. {@code chi_sim} or {@code eng}
     * @param pageMode  Tesseract's page segmentation mode: 6 a block of text, 7 a single line, 11 sparse text
     * @param whitelist characters allowed, or null for all
     */
    OcrPage read(BufferedImage image, String language, int pageMode, String whitelist) {
        return read(image, language, pageMode, whitelist, null);
    }

    /**
     * Reads {@code image}, as {@link #read(BufferedImage, String, int, String)}.
     *
     * @param blacklist characters never to be read, or null for none
     */
    OcrPage read(BufferedImage image, String language, int pageMode, String whitelist, String blacklist) {
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var arguments = new ArrayList<>(List.of(command, "stdin", "stdout"));
        if (BundledModels.LANGUAGES.contains(language)) {
            arguments.addAll(List.of("--tessdata-dir", BundledModels.directory().toString()));
        }
        arguments.addAll(List.of("-l", language, "--psm", String.valueOf(pageMode), "-c",
                "preserve_interword_spaces=0", "-c", "tessedit_create_tsv=1"));
        if (whitelist != null) {
            arguments.addAll(List.of("-c", "tessedit_char_whitelist=" + whitelist));
        }
        if (blacklist != null) {
            arguments.addAll(List.of("-c", "tessedit_char_blacklist=" + blacklist));
        }
        Process process;
        try {
            var builder = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            process = builder.start();
        } catch (IOException e) {
            throw new OcrFailed("cannot start '" + command + "' — install tesseract-ocr and tesseract-ocr-eng", e);
        }
        try {
            var output = new java.util.concurrent.CompletableFuture<byte[]>();
            var reader = new Thread(() -> {
                try (var in = process.getInputStream()) {
                    output.complete(in.readAllBytes());
                } catch (IOException e) {
                    output.completeExceptionally(e);
                }
            }, "tesseract-output");
            reader.setDaemon(true);
            reader.start();
            try (var in = process.getOutputStream()) {
                in.write(png.toByteArray());
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new OcrFailed("tesseract did not finish within " + timeout.toMillis() + " ms", null);
            }
            reader.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                throw new OcrFailed("tesseract exited with " + process.exitValue(), null);
            }
            return OcrPage.parseTsv(new String(output.getNow(new byte[0]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new OcrFailed("tesseract failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OcrFailed("interrupted while reading", e);
        }
    }
}
