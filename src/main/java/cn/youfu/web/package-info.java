/**
 * The server-rendered pages people use (Thymeleaf, no Node build). Chinese by default, English with {@code ?lang=en}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages", allowedDependencies = {"platform", "calendar"})
package cn.youfu.web;
