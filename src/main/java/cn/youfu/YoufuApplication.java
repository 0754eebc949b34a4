package cn.youfu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Youfu (有福): one deployable application; each top-level package below is a feature module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YoufuApplication {

    public static void main(String[] args) {
        SpringApplication.run(YoufuApplication.class, args);
    }
}
