/// A plans repository at a glance on one day: what `vnplan report` shows. Every figure counts
/// each document once (the copies of a document stored from several files are left out).
public struct RepositoryOverview: Sendable, Equatable {
    /// The day "overdue" and "due soon" are counted from, YYYY-MM-DD.
    public var asOf: String
    /// The last day of "due soon": `asOf` and the days after it up to this one.
    public var soonUntil: String
    public var soonDays: Int
    public var totals: Totals
    public var issuers: [IssuerPlans]
    public var leads: [LeadLoad]
    /// Deadlines of the units that lead most, for the timeline.
    public var lanes: [TimelineLane]
    /// Each task and day it fell due before `asOf`, earliest first.
    public var overdue: [DueTask]
    /// Each task and day it falls due from `asOf` to `soonUntil`, earliest first.
    public var dueSoon: [DueTask]
    public var indicators: [IndicatorLine]
    /// Documents stored from more than one file.
    public var copies: [CopyGroup]

    public init(asOf: String, soonUntil: String, soonDays: Int, totals: Totals, issuers: [IssuerPlans],
                leads: [LeadLoad], lanes: [TimelineLane], overdue: [DueTask], dueSoon: [DueTask],
                indicators: [IndicatorLine], copies: [CopyGroup]) {
        self.asOf = asOf
        self.soonUntil = soonUntil
        self.soonDays = soonDays
        self.totals = totals
        self.issuers = issuers
        self.leads = leads
        self.lanes = lanes
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.indicators = indicators
        self.copies = copies
    }

    public struct Totals: Sendable, Equatable {
        /// Plan files in the repository, copies included.
        public var planFiles: Int
        public var documents: Int
        public var tasks: Int
        public var indicators: Int
        /// Tasks with no lead named.
        public var tasksWithoutLead: Int
        /// Tasks whose deadline gives no day (recurring, conditional, unknown, or none).
        public var tasksWithoutDueDay: Int

        public init(planFiles: Int, documents: Int, tasks: Int, indicators: Int, tasksWithoutLead: Int,
                    tasksWithoutDueDay: Int) {
            self.planFiles = planFiles
            self.documents = documents
            self.tasks = tasks
            self.indicators = indicators
            self.tasksWithoutLead = tasksWithoutLead
            self.tasksWithoutDueDay = tasksWithoutDueDay
        }
    }

    /// An issuing body's plans, by year of the plan's date (nil: undated).
    public struct IssuerPlans: Sendable, Equatable {
        public var issuer: String
        public var plansByYear: [Int?: Int]
        public var tasks: Int

        public init(issuer: String, plansByYear: [Int?: Int], tasks: Int) {
            self.issuer = issuer
            self.plansByYear = plansByYear
            self.tasks = tasks
        }
    }

    /// What a unit (or a person named as lead) leads.
    public struct LeadLoad: Sendable, Equatable {
        /// The wording its plans use most.
        public var name: String
        public var kind: UnitName.Kind
        public var tasks: Int
        public var plans: Int
        public var overdue: Int
        public var dueSoon: Int
        /// Wordings folded into this one ("… huyện", "… phường").
        public var wordings: Int

        public init(name: String, kind: UnitName.Kind, tasks: Int, plans: Int, overdue: Int, dueSoon: Int, wordings: Int) {
            self.name = name
            self.kind = kind
            self.tasks = tasks
            self.plans = plans
            self.overdue = overdue
            self.dueSoon = dueSoon
            self.wordings = wordings
        }
    }

    public struct TimelineLane: Sendable, Equatable {
        public var unit: String
        public var marks: [TimelineMark]

        public init(unit: String, marks: [TimelineMark]) {
            self.unit = unit
            self.marks = marks
        }
    }

    /// A deadline on the timeline: a day, or a period from `start` to `due`.
    public struct TimelineMark: Sendable, Equatable {
        public var start: String?
        public var due: String
        /// "plan id · task path", for the mark's title.
        public var label: String

        public init(start: String?, due: String, label: String) {
            self.start = start
            self.due = due
            self.label = label
        }
    }

    public struct DueTask: Sendable, Equatable {
        public var planID: String
        public var issuer: String?
        public var planNumber: String?
        public var path: String
        /// The task's activity, else its task, else its objective.
        public var work: String
        public var lead: [String]
        /// The deadline or milestone as the document words it.
        public var deadline: String
        public var due: String

        public init(planID: String, issuer: String?, planNumber: String?, path: String, work: String, lead: [String],
                    deadline: String, due: String) {
            self.planID = planID
            self.issuer = issuer
            self.planNumber = planNumber
            self.path = path
            self.work = work
            self.lead = lead
            self.deadline = deadline
            self.due = due
        }
    }

    public struct IndicatorLine: Sendable, Equatable {
        public var issuer: String?
        public var planNumber: String?
        public var path: String
        public var name: String
        public var unit: String?
        public var target: String?
        public var lead: [String]

        public init(issuer: String?, planNumber: String?, path: String, name: String, unit: String?, target: String?,
                    lead: [String]) {
            self.issuer = issuer
            self.planNumber = planNumber
            self.path = path
            self.name = name
            self.unit = unit
            self.target = target
            self.lead = lead
        }
    }

    /// The plan file that stands for a document and the plan files of its other files.
    public struct CopyGroup: Sendable, Equatable {
        public var standing: String
        public var copies: [String]

        public init(standing: String, copies: [String]) {
            self.standing = standing
            self.copies = copies
        }
    }
}
