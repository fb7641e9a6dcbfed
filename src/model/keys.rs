//! The stable keys of the standard tables (`../shared/spec/model.md`).
//!
//! Every key is a snake_case string in JSON, in the C ABI and in Python. The
//! enums here are the Rust view of those strings: [`Key::key`] gives the string,
//! [`Key::from_key`] parses it back, [`Key::label`] gives the template label.
//! Keys are permanent once shipped; new ones may be added.

use serde::{Deserialize, Serialize};

/// A stable key of the model: a row, column, group or field of a table.
pub trait Key: Copy + Eq + std::hash::Hash + Sized + 'static {
    /// Every key, in template order.
    const ALL: &'static [Self];
    /// The snake_case key string.
    fn key(self) -> &'static str;
    /// The label the official template prints for this key.
    fn label(self) -> &'static str;
    /// Parses a key string.
    fn from_key(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.key() == s)
    }
}

macro_rules! keys {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $key:literal, $label:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $key)] $var,)*
        }
        impl Key for $name {
            const ALL: &'static [Self] = &[$($name::$var),*];
            fn key(self) -> &'static str {
                match self { $($name::$var => $key,)* }
            }
            fn label(self) -> &'static str {
                match self { $($name::$var => $label,)* }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

keys! {
    /// Rows of the applications table (收到和处理政府信息公开申请情况).
    AppRow {
        /// 一、本年新收政府信息公开申请数量
        NewReceived = "new_received", "一、本年新收政府信息公开申请数量";
        /// 二、上年结转政府信息公开申请数量
        CarriedOver = "carried_over", "二、上年结转政府信息公开申请数量";
        /// （一）予以公开
        Granted = "granted", "（一）予以公开";
        /// （二）部分公开
        PartiallyGranted = "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
        /// （三）1.
        DeniedStateSecret = "denied_state_secret", "1.属于国家秘密";
        /// （三）2.
        DeniedProhibitedByLaw = "denied_prohibited_by_law", "2.其他法律行政法规禁止公开";
        /// （三）3.
        DeniedSecurityStability = "denied_security_stability", "3.危及“三安全一稳定”";
        /// （三）4.
        DeniedThirdPartyRights = "denied_third_party_rights", "4.保护第三方合法权益";
        /// （三）5.
        DeniedInternalAffairs = "denied_internal_affairs", "5.属于三类内部事务信息";
        /// （三）6.
        DeniedProcessInfo = "denied_process_info", "6.属于四类过程性信息";
        /// （三）7.
        DeniedLawEnforcementFile = "denied_law_enforcement_file", "7.属于行政执法案卷";
        /// （三）8.
        DeniedAdministrativeQuery = "denied_administrative_query", "8.属于行政查询事项";
        /// （四）1.
        UnableNotHeld = "unable_not_held", "1.本机关不掌握相关政府信息";
        /// （四）2.
        UnableNeedsCreation = "unable_needs_creation", "2.没有现成信息需要另行制作";
        /// （四）3.
        UnableUnclear = "unable_unclear", "3.补正后申请内容仍不明确";
        /// （五）1.
        NotProcessedPetition = "not_processed_petition", "1.信访举报投诉类申请";
        /// （五）2.
        NotProcessedDuplicate = "not_processed_duplicate", "2.重复申请";
        /// （五）3.
        NotProcessedPublication = "not_processed_publication", "3.要求提供公开出版物";
        /// （五）4.
        NotProcessedExcessive = "not_processed_excessive", "4.无正当理由大量反复申请";
        /// （五）5.
        NotProcessedConfirmation = "not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息";
        /// （六）其他处理, a data row in the 2019 format
        OtherProcessing = "other_processing", "（六）其他处理";
        /// （六）1. (2021)
        OtherNoCorrection = "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        /// （六）2. (2021)
        OtherUnpaidFee = "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
        /// （六）3. (2021)
        OtherOther = "other_other", "3.其他";
        /// （七）总计
        TotalProcessed = "total_processed", "（七）总计";
        /// 四、结转下年度继续办理
        CarriedForward = "carried_forward", "四、结转下年度继续办理";
        /// 小计 of （三）, added by some reports
        DeniedSubtotal = "denied_subtotal", "小计";
        /// 小计 of （四）
        UnableSubtotal = "unable_subtotal", "小计";
        /// 小计 of （五）
        NotProcessedSubtotal = "not_processed_subtotal", "小计";
        /// 小计 of （六）
        OtherSubtotal = "other_subtotal", "小计";
    }
}

keys! {
    /// Columns of the applications table (申请人情况).
    AppCol {
        /// 自然人
        NaturalPerson = "natural_person", "自然人";
        /// 商业企业
        CommercialEnterprise = "commercial_enterprise", "商业企业";
        /// 科研机构
        ResearchInstitution = "research_institution", "科研机构";
        /// 社会公益组织
        PublicInterestOrg = "public_interest_org", "社会公益组织";
        /// 法律服务机构
        LegalServiceOrg = "legal_service_org", "法律服务机构";
        /// 其他
        OtherOrg = "other_org", "其他";
        /// 总计
        Total = "total", "总计";
        /// 法人或其他组织 小计, added by some reports
        OrgSubtotal = "org_subtotal", "小计";
    }
}

keys! {
    /// The three groups of the review/litigation table.
    RlGroup {
        /// 行政复议
        Review = "review", "行政复议";
        /// 行政诉讼 / 未经复议直接起诉
        LitigationDirect = "litigation_direct", "未经复议直接起诉";
        /// 行政诉讼 / 复议后起诉
        LitigationAfterReview = "litigation_after_review", "复议后起诉";
    }
}

keys! {
    /// The five outcomes of each review/litigation group.
    RlOutcome {
        /// 结果维持
        Upheld = "upheld", "结果维持";
        /// 结果纠正
        Corrected = "corrected", "结果纠正";
        /// 其他结果
        Other = "other", "其他结果";
        /// 尚未审结
        Pending = "pending", "尚未审结";
        /// 总计
        Total = "total", "总计";
    }
}

keys! {
    /// Items of the active-disclosure table (第二十条).
    AdItem {
        /// 规章
        Regulations = "regulations", "规章";
        /// (行政)规范性文件
        NormativeDocuments = "normative_documents", "行政规范性文件";
        /// 行政许可
        Licensing = "licensing", "行政许可";
        /// 其他对外管理服务事项 (2019)
        OtherServices = "other_services", "其他对外管理服务事项";
        /// 行政处罚
        Penalties = "penalties", "行政处罚";
        /// 行政强制
        Enforcement = "enforcement", "行政强制";
        /// 行政事业性收费
        Fees = "fees", "行政事业性收费";
        /// 政府集中采购 (2019)
        Procurement = "procurement", "政府集中采购";
    }
}

keys! {
    /// Fields (columns) of the active-disclosure table.
    AdField {
        /// 本年制发件数 (2021)
        Issued = "issued", "本年制发件数";
        /// 本年废止件数 (2021)
        Repealed = "repealed", "本年废止件数";
        /// 现行有效件数 (2021)
        InForce = "in_force", "现行有效件数";
        /// 本年处理决定数量 / 处理决定数量
        Decisions = "decisions", "本年处理决定数量";
        /// 本年收费金额（单位：万元） (2021)
        Amount10kYuan = "amount_10k_yuan", "本年收费金额（单位：万元）";
        /// 本年新制作数量 (2019)
        Made = "made", "本年新制作数量";
        /// 本年新公开数量 (2019)
        Published = "published", "本年新公开数量";
        /// 对外公开总数量 (2019)
        PublicTotal = "public_total", "对外公开总数量";
        /// 上一年项目数量 (2019)
        PreviousYear = "previous_year", "上一年项目数量";
        /// 本年增/减 (2019)
        Change = "change", "本年增/减";
        /// 采购项目数量 (2019)
        Projects = "projects", "采购项目数量";
        /// 采购总金额 (2019)
        Amount = "amount", "采购总金额";
    }
}

keys! {
    /// Rows of a legacy (2008–2018) 政府信息公开情况统计表. Labels are the
    /// Fujian 2015 wording; other wordings map by keyword (docs/model-legacy.md).
    LegacyRow {
        /// 主动公开信息数 / 主动公开文件数
        ProactiveItems = "proactive_items", "主动公开文件数";
        /// 其中：政府网站公开数
        ProactiveWebsite = "proactive_website", "政府网站公开数";
        /// 其中：政府公报公开数
        ProactiveGazette = "proactive_gazette", "政府公报公开数";
        /// 受理依申请公开信息总数 / 申请总数
        RequestsReceived = "requests_received", "受理依申请公开信息总数";
        /// 其中：当面申请数
        RequestsInPerson = "requests_in_person", "当面申请数";
        /// 其中：网上申请数
        RequestsOnline = "requests_online", "网上申请数";
        /// 其中：信函、传真申请数
        RequestsLetterFax = "requests_letter_fax", "信函、传真申请数";
        /// 其中：信函申请数 (listed apart from 传真)
        RequestsLetter = "requests_letter", "信函申请数";
        /// 其中：传真申请数 (listed apart from 信函)
        RequestsFax = "requests_fax", "传真申请数";
        /// 其中：电子邮件申请数
        RequestsEmail = "requests_email", "电子邮件申请数";
        /// 其中：其它形式申请数
        RequestsOther = "requests_other", "其它形式申请数";
        /// 对申请的答复总数
        RepliesTotal = "replies_total", "对申请的答复总数";
        /// 其中：同意公开答复数
        RepliesGranted = "replies_granted", "同意公开答复数";
        /// 其中：同意部分公开答复数
        RepliesPartiallyGranted = "replies_partially_granted", "同意部分公开答复数";
        /// 其中：不予公开答复数 / 否决公开答复数
        RepliesDenied = "replies_denied", "不予公开答复数";
        /// 其中：其他类型答复数
        RepliesOther = "replies_other", "其他类型答复数";
        /// 政府信息公开收费减免金额
        FeesWaived = "fees_waived", "政府信息公开收费减免金额";
        /// 行政复议数
        Reviews = "reviews", "行政复议数";
        /// 行政诉讼数
        Lawsuits = "lawsuits", "行政诉讼数";
        /// 行政申诉、举报数 / 接受行政诉讼、举报数
        Complaints = "complaints", "行政申诉、举报数";
    }
}

keys! {
    /// Value columns of a legacy statistics table.
    LegacyCol {
        /// `2016年度` / `本年` / `本期实际`: the report year's figure.
        ThisYear = "this_year", "本年度";
        /// `历年累计` / `累计` / `本年累计`: the running total.
        Cumulative = "cumulative", "历年累计";
    }
}

keys! {
    /// The figures comparable across the 2019 break.
    IndicatorKey {
        /// Applications received in the year.
        ApplicationsReceived = "applications_received", "受理/新收政府信息公开申请数";
        /// Applications granted (予以公开 / 同意公开).
        ApplicationsGranted = "applications_granted", "予以公开 / 同意公开答复数";
        /// Applications partially granted (部分公开 / 同意部分公开).
        ApplicationsPartiallyGranted = "applications_partially_granted", "部分公开 / 同意部分公开答复数";
        /// Applications denied (不予公开 / 否决公开).
        ApplicationsDenied = "applications_denied", "不予公开 / 不予公开答复数";
        /// Administrative review cases about disclosure (行政复议).
        ReviewCases = "review_cases", "行政复议数";
        /// Lawsuits about disclosure (行政诉讼).
        Lawsuits = "lawsuits", "行政诉讼数";
    }
}

impl AppRow {
    /// The rows of the template of `format`, in order (23 for 2019, 25 for 2021).
    pub fn template(format: super::Format) -> Vec<AppRow> {
        use AppRow::*;
        let mut rows = vec![
            NewReceived,
            CarriedOver,
            Granted,
            PartiallyGranted,
            DeniedStateSecret,
            DeniedProhibitedByLaw,
            DeniedSecurityStability,
            DeniedThirdPartyRights,
            DeniedInternalAffairs,
            DeniedProcessInfo,
            DeniedLawEnforcementFile,
            DeniedAdministrativeQuery,
            UnableNotHeld,
            UnableNeedsCreation,
            UnableUnclear,
            NotProcessedPetition,
            NotProcessedDuplicate,
            NotProcessedPublication,
            NotProcessedExcessive,
            NotProcessedConfirmation,
        ];
        if format == super::Format::V2021 {
            rows.extend([OtherNoCorrection, OtherUnpaidFee, OtherOther]);
        } else {
            rows.push(OtherProcessing);
        }
        rows.extend([TotalProcessed, CarriedForward]);
        rows
    }

    /// The outcome rows that add up to `total_processed` (all data rows
    /// between `carried_over` and `total_processed`, subtotals excluded).
    pub fn is_outcome(self) -> bool {
        use AppRow::*;
        !matches!(
            self,
            NewReceived
                | CarriedOver
                | TotalProcessed
                | CarriedForward
                | DeniedSubtotal
                | UnableSubtotal
                | NotProcessedSubtotal
                | OtherSubtotal
        )
    }

    /// The group marker （三）…（六） a sub-row belongs to, if any.
    pub fn group(self) -> Option<&'static str> {
        self.app_group().map(AppGroup::label)
    }

    /// The group （三）…（六） the row belongs to, if any.
    pub fn app_group(self) -> Option<AppGroup> {
        use AppRow::*;
        Some(match self {
            DeniedStateSecret
            | DeniedProhibitedByLaw
            | DeniedSecurityStability
            | DeniedThirdPartyRights
            | DeniedInternalAffairs
            | DeniedProcessInfo
            | DeniedLawEnforcementFile
            | DeniedAdministrativeQuery
            | DeniedSubtotal => AppGroup::Denied,
            UnableNotHeld | UnableNeedsCreation | UnableUnclear | UnableSubtotal => {
                AppGroup::Unable
            }
            NotProcessedPetition
            | NotProcessedDuplicate
            | NotProcessedPublication
            | NotProcessedExcessive
            | NotProcessedConfirmation
            | NotProcessedSubtotal => AppGroup::NotProcessed,
            OtherNoCorrection | OtherUnpaidFee | OtherOther | OtherSubtotal => AppGroup::Other,
            _ => return None,
        })
    }
}

impl AppCol {
    /// The seven template columns, in order.
    pub const TEMPLATE: [AppCol; 7] = [
        AppCol::NaturalPerson,
        AppCol::CommercialEnterprise,
        AppCol::ResearchInstitution,
        AppCol::PublicInterestOrg,
        AppCol::LegalServiceOrg,
        AppCol::OtherOrg,
        AppCol::Total,
    ];
}

impl AdItem {
    /// The fields of this item in the template of `format`.
    pub fn fields(self, format: super::Format) -> &'static [AdField] {
        use AdField::*;
        let v2021 = format == super::Format::V2021;
        match self {
            AdItem::Regulations | AdItem::NormativeDocuments if v2021 => {
                &[Issued, Repealed, InForce]
            }
            AdItem::Regulations | AdItem::NormativeDocuments => &[Made, Published, PublicTotal],
            AdItem::Licensing | AdItem::Penalties | AdItem::Enforcement if v2021 => &[Decisions],
            AdItem::Licensing | AdItem::OtherServices | AdItem::Penalties | AdItem::Enforcement => {
                &[PreviousYear, Change, Decisions]
            }
            AdItem::Fees if v2021 => &[Amount10kYuan],
            AdItem::Fees => &[PreviousYear, Change],
            AdItem::Procurement => &[Projects, Amount],
        }
    }
}

/// The groups （三）…（六） of the applications table's outcome rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppGroup {
    /// （三）不予公开.
    Denied,
    /// （四）无法提供.
    Unable,
    /// （五）不予处理.
    NotProcessed,
    /// （六）其他处理.
    Other,
}

impl AppGroup {
    /// The group's label as the template prints it.
    pub fn label(self) -> &'static str {
        match self {
            AppGroup::Denied => "（三）不予公开",
            AppGroup::Unable => "（四）无法提供",
            AppGroup::NotProcessed => "（五）不予处理",
            AppGroup::Other => "（六）其他处理",
        }
    }

    /// The group's 小计 row.
    pub fn subtotal(self) -> AppRow {
        match self {
            AppGroup::Denied => AppRow::DeniedSubtotal,
            AppGroup::Unable => AppRow::UnableSubtotal,
            AppGroup::NotProcessed => AppRow::NotProcessedSubtotal,
            AppGroup::Other => AppRow::OtherSubtotal,
        }
    }
}
