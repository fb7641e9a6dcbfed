//! The words of the template vocabulary: the one list, read by the library
//! (`super`'s `words!` makes of it the enum [`W`] and the list [`WORDS`])
//! and by the build script (`build.rs`, whose `words!` makes the list alone,
//! to build the automaton's tables: see `super::generate`). Only the words
//! here: each `words!` says what is made of them.

words! {
    // notes
    Gouji = "勾稽", ColumnData = "本列数据", ColumnTable = "本列表",
    // applications rows
    NewReceived = "本年新收", CarriedOver = "上年结转", CarriedForward = "结转下",
    Partial = "部分公开", StateSecret = "国家秘密", Prohibited = "禁止公开",
    OtherLaw = "其他法律行政", ThreeSafety = "三安全", OneStability = "一稳定",
    ThirdPartyRights = "第三方合法权益", ThirdParty = "第三方", Internal = "内部事务",
    Process = "过程性", LawFile = "执法案卷", Query = "行政查询", NotHeld = "不掌握",
    Create = "另行制作", NotReady = "没有现成", Unclear = "仍不明确",
    AfterCorrection = "补正后", Petition = "信访", Duplicate = "重复申请",
    Publication = "出版物", Excessive = "大量反复", ConfirmOr = "确认或",
    Reissue = "重新出具", NewIssue = "新出具", Obtained = "已获取信息",
    NoCorrection = "不补正", Overdue = "逾期不补", FeeNotice = "收费通知",
    PayFee = "缴纳费用",
    // groups and totals
    Granted = "予以公开", Not = "不予", Results = "办理结果", Denied = "不予公开",
    Unable = "无法提供", NotProcessed = "不予处理", OtherProcessing = "其他处理",
    Subtotal = "小计", SumSubtotal = "合计小计", Total = "总计", Sum = "合计",
    ResultsSum = "办理结果合计", Other = "其他",
    // applications header
    Applicant = "申请人情况", Natural = "自然人", Org = "法人或其他组织",
    Commercial = "商业", Enterprise = "企业", Research = "科研", Institution = "机构",
    Social = "社会", Welfare = "公益", Organisation = "组织", Law = "法律",
    Service = "服务",
    // active disclosure
    Art20 = "第二十条", InfoContent = "信息内容", NewMade = "本年新制作数量",
    NewPublished = "本年新公开数量", TotalPublished = "对外公开总数量",
    LastYearItems = "上一年项目数量", Change = "本年增/减", Decisions = "处理决定数量",
    YearDecisions = "本年处理决定数量", Issued = "本年制发件数", Repealed = "本年废止件数",
    InForce = "现行有效件数", FeeAmount = "本年收费金额", ProcItems = "采购项目数量",
    ProcAmount = "采购总金额", Regulations = "规章", Normative = "规范性文件",
    AdminNormative = "行政规范性文件", Licensing = "行政许可",
    OtherServices = "其他对外管理服务事项", Penalties = "行政处罚",
    Enforcement = "行政强制", FeeItems = "行政事业性收费", Procurement = "政府集中采购",
    ExternalServices = "对外管理服务", PublicFees = "事业性收费", Centralized = "集中采购",
    // units
    TenThousandYuan = "万元", Yuan = "元", Pieces = "件", Items = "条", Each = "个",
    Times = "次", Percent = "%", WidePercent = "％",
}
