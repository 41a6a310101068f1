// The year's incidents and customs contacts, through the same commands the pages call: a seal found
// tampered with at the warehouse dock (customs notified by phone, investigated, a corrective action,
// closed), an IT phishing incident (closed without customs), a cargo shortage found last week and
// still under investigation, and a routine customs inspection in the contact log.
import { raiseIncidentAction } from "../incidents/incident-actions.server";
import { CustomsContactSchema, IncidentActionSchema, IncidentReportSchema, IncidentUpdateSchema } from "../incidents/incident-schema";
import { recordCustomsContact, reportIncident, updateIncident } from "../incidents/incidents.server";
import { clockAt, expectOk, localAt, shiftDay, type DemoContext } from "./demo-context.server";

export async function seedDemoIncidents(ctx: DemoContext): Promise<void> {
  const guard = ctx.as.security;
  const lead = ctx.as.security_lead;
  const compliance = ctx.as.compliance;
  const zone = lead.timeZone;

  // Five months ago: a tampered seal at the warehouse dock.
  const sealDay = shiftDay(ctx.today, -150);
  const seal = expectOk(
    "incident seal tampering",
    await reportIncident(
      ctx.db,
      guard,
      IncidentReportSchema.parse({
        siteId: ctx.sites.warehouse.id,
        kind: "seal_tampering",
        discoveredAt: localAt(sealDay, 10 * 60 + 20),
        location: "3 号月台 TGHU8800127",
        discoveredBy: "保安 王磊",
        description: "进场核验时发现封志锁杆有撬痕，封志号与装箱单一致但锁头松动。",
        containment: "当即扣箱，封志拍照留存，通知安保主管，未开箱。",
      }),
      zone,
      clockAt(ctx, sealDay, 10 * 60 + 35),
    ),
  ).incident;
  expectOk(
    "customs contact seal",
    await recordCustomsContact(
      ctx.db,
      compliance,
      CustomsContactSchema.parse({
        contactedOn: sealDay,
        kind: "notification",
        customsOffice: "苏州工业园区海关",
        contactPerson: "查验科 李科长",
        channel: "phone",
        subject: "集装箱封志异常报告",
        summary: "电话报告 TGHU8800127 封志锁杆有撬痕，已扣箱待查；海关要求保持原状，次日派员查验。",
        followUp: "次日配合海关开箱查验，货物与申报一致。",
        incidentId: seal.id,
      }),
      zone,
      clockAt(ctx, sealDay, 11 * 60),
    ),
  );
  const sealAction = shiftDay(sealDay, 3);
  expectOk(
    "incident seal action",
    await raiseIncidentAction(
      ctx.db,
      lead,
      seal.id,
      IncidentActionSchema.parse({
        intent: "action",
        title: "承运人途中停车点安全要求写入合同",
        description: "要求承运人途中仅在指定停车场停车，并提供 GPS 轨迹。",
        ownerUserId: ctx.as.procurement.userId,
        dueOn: shiftDay(sealAction, 30),
      }),
      zone,
      clockAt(ctx, sealAction, 9 * 60),
    ),
  );
  expectOk(
    "incident seal closed",
    await updateIncident(
      ctx.db,
      lead,
      seal.id,
      IncidentUpdateSchema.parse({
        intent: "update",
        status: "closed",
        containment: "当即扣箱，封志拍照留存，通知安保主管，未开箱。",
        investigation: "调取承运人 GPS 轨迹和司机陈述：途经服务区停车 40 分钟，车辆无人看管。海关查验货物无异常。",
        rootCause: "承运人未执行途中停车看管要求。",
        customsNotifiedAt: localAt(sealDay, 10 * 60 + 50),
        customsOffice: "苏州工业园区海关",
      }),
      zone,
      clockAt(ctx, sealAction, 10 * 60),
    ),
  );

  // Two months ago: a phishing e-mail opened in the shipping office.
  const itDay = shiftDay(ctx.today, -60);
  const it = expectOk(
    "incident it",
    await reportIncident(
      ctx.db,
      lead,
      IncidentReportSchema.parse({
        siteId: ctx.sites.factory.id,
        kind: "it_incident",
        discoveredAt: localAt(itDay, 14 * 60),
        location: "关务部 单证电脑",
        discoveredBy: "关务专员 刘洋",
        description: "收到冒充货代的钓鱼邮件，点击链接后输入了邮箱密码。",
        containment: "立即修改密码，IT 断开该电脑网络并查杀。",
      }),
      zone,
      clockAt(ctx, itDay, 14 * 60 + 30),
    ),
  ).incident;
  expectOk(
    "incident it closed",
    await updateIncident(
      ctx.db,
      lead,
      it.id,
      IncidentUpdateSchema.parse({
        intent: "update",
        status: "closed",
        containment: "立即修改密码，IT 断开该电脑网络并查杀。",
        investigation: "邮件日志显示账户无异常登录，未发现数据外泄。",
        rootCause: "邮箱未启用双重验证，员工未识别钓鱼邮件。",
      }),
      zone,
      clockAt(ctx, shiftDay(itDay, 2), 9 * 60),
    ),
  );

  // Last week: a shortage on a receipt, still under investigation and not yet told to customs.
  const shortDay = shiftDay(ctx.today, -6);
  const shortage = expectOk(
    "incident shortage",
    await reportIncident(
      ctx.db,
      guard,
      IncidentReportSchema.parse({
        siteId: ctx.sites.warehouse.id,
        kind: "cargo_discrepancy",
        discoveredAt: localAt(shortDay, 16 * 60),
        location: "收货区 B2",
        discoveredBy: "仓管员 赵敏",
        description: "进口原料到货 118 箱，装箱单为 120 箱，封志完好。",
        containment: "货物隔离存放，暂停入库。",
      }),
      zone,
      clockAt(ctx, shortDay, 16 * 60 + 20),
    ),
  ).incident;
  expectOk(
    "incident shortage investigating",
    await updateIncident(
      ctx.db,
      lead,
      shortage.id,
      IncidentUpdateSchema.parse({
        intent: "update",
        status: "investigating",
        containment: "货物隔离存放，暂停入库。",
        investigation: "已向发货人和货代核对装箱记录。",
      }),
      zone,
      clockAt(ctx, shiftDay(shortDay, 1), 9 * 60),
    ),
  );

  // A month ago: a routine customs inspection, logged by compliance.
  const inspectionDay = shiftDay(ctx.today, -30);
  expectOk(
    "customs contact inspection",
    await recordCustomsContact(
      ctx.db,
      compliance,
      CustomsContactSchema.parse({
        contactedOn: inspectionDay,
        kind: "inspection",
        customsOffice: "苏州工业园区海关",
        contactPerson: "稽查科 周科长",
        channel: "in_person",
        subject: "高级认证企业常规稽查",
        summary: "海关稽查贸易安全记录：封志管理、访客登记、安全事件处置记录，未提出问题。",
        incidentId: undefined,
      }),
      zone,
      clockAt(ctx, inspectionDay, 15 * 60),
    ),
  );
}
