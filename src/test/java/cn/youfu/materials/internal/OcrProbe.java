package cn.youfu.materials.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;

/** Development aid: prints what the pipeline reads on the images named. */
public final class OcrProbe {
    public static void main(String[] args) throws Exception {
        var reader = new MaterialReader(new Tesseract("tesseract", Duration.ofSeconds(20)));
        for (var name : args) {
            var image = ImageIO.read(Path.of(name).toFile());
            var extractor = name.contains("licence") ? new BusinessLicenceExtractor() : new IdCardFrontExtractor();
            long t0 = System.nanoTime();
            var fields = reader.read(image, extractor);
            long t1 = System.nanoTime();
            System.out.println("== " + name + " " + (t1 - t0) / 1_000_000 + " ms");
            System.out.println(Files.readString(Path.of(name.replace(".jpg", ".json"))).replaceAll("\\s+", " "));
            fields.forEach((k, v) -> System.out.println("   " + k + " = " + v));
        }
    }
}
