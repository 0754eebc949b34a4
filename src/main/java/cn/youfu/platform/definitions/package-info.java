/**
 * Reading definition files (case types, service items): strict YAML with file and line in every error, and the
 * start-up failure message an administrator can act on.
 */
@org.springframework.modulith.NamedInterface("definitions")
package cn.youfu.platform.definitions;
