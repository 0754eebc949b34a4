package cn.youfu.materials.internal;

/** {@link MaterialsUploadBenchmark} with the default engine, PaddleOCR. */
class PaddleUploadBenchmark extends MaterialsUploadBenchmark {

    @Override
    String engine() {
        return "PaddleOCR";
    }
}
