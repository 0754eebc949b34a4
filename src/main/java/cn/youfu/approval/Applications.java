package cn.youfu.approval;

import cn.youfu.identity.CurrentUser;
import java.util.Map;

/** 秒批 for the pages: the same decision as {@code POST /api/v1/applications}, in the same request. */
public interface Applications {

    /**
     * Decides an application: validates the form, gathers the sources, evaluates the item's policy, opens and
     * decides the case, issues the certificate when approved. The applicant is {@code user}, never the form.
     *
     * @param form the item's form fields as text (blank means not given)
     * @throws InvalidForm when a field is wrong (nothing recorded)
     * @throws cn.youfu.platform.ProblemException when the item is unknown or not for this kind of applicant
     */
    DecisionView apply(CurrentUser user, String item, Map<String, Object> form);

    /**
     * Decides an application with materials, as {@code POST /api/v1/applications} with {@code "materials"} does: the
     * decision waits (a few seconds at most) for each material's reading; one still unread when the wait ends cannot
     * be relied on and sends the application to an officer.
     *
     * @param materials material code → id of a material {@code user} uploaded
     *                  ({@link cn.youfu.materials.Materials#upload}); may be empty
     * @throws InvalidForm when a field is wrong (nothing recorded)
     * @throws cn.youfu.platform.ProblemException when the item is unknown or not for this kind of applicant, a
     *                                            required material is missing ({@code material-required}, property
     *                                            {@code material}) or one given cannot be used
     *                                            ({@code material-not-usable})
     */
    DecisionView apply(CurrentUser user, String item, Map<String, Object> form, Map<String, String> materials);
}
