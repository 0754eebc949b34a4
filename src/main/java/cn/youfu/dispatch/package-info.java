/**
 * 一线处置: citizens' consultations, requests for help, complaints, reports and suggestions, from every channel (web
 * and phone forms, the 12345 operator's console, Open311 GeoReport v2 apps), on one loop: the text is classified into
 * the city's topic taxonomy and routed to a department by the administrators' routing table (a 12345 dispatcher
 * decides when the classifier is not sure, or when the event looks like an open one nearby); the department takes
 * it on or returns it, co-handles it with other departments under one lead, replies; the 12345 centre visits the
 * citizen, who rates the answer; a bad rating reopens it. Each event is a {@code citizen-request} case on its kind's
 * clock; supervisors see each department's response, resolution and satisfaction rates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grassroots dispatch (12345)",
        allowedDependencies = {"platform", "identity", "cases", "audit"})
package cn.youfu.dispatch;
