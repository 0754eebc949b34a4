package cn.youfu.materials.internal;

import org.springframework.test.context.TestPropertySource;

/** {@link MaterialsUploadBenchmark} with the Tesseract engine. */
@TestPropertySource(properties = "youfu.materials.engine=tesseract")
class TesseractUploadBenchmark extends MaterialsUploadBenchmark {

    @Override
    String engine() {
        return "Tesseract";
    }
}
