package cn.youfu.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean that exists only in demo mode ({@code YOUFU_MODE=demo}, the default): the demo issuer, demo accounts,
 * demo data. Production never has them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "youfu.mode", havingValue = "demo", matchIfMissing = true)
public @interface DemoOnly {
}
