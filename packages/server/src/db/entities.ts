// Every entity of the hub, in one list for the ORM and the schema.
import { ApiKey } from '../modules/auth/api-key.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Accident, RoadTrafficDetails } from '../modules/accident/accident.entity.js';
import { AuditEntry } from '../modules/audit/audit.entity.js';
import { SupervisoryCapacity } from '../modules/capacity/capacity.entity.js';
import { CountyYearStatistics } from '../modules/county-statistics/county-year-statistics.entity.js';
import { Department } from '../modules/department/department.entity.js';
import { Drill } from '../modules/emergency/drill.entity.js';
import { EmergencyPlan } from '../modules/emergency/emergency-plan.entity.js';
import { RescueTeam } from '../modules/emergency/rescue-team.entity.js';
import { Enterprise } from '../modules/enterprise/enterprise.entity.js';
import { Hazard } from '../modules/hazard/hazard.entity.js';
import { IMPORT_ENTITIES } from '../modules/import/import.entities.js';
import { Inspection } from '../modules/inspection/inspection.entity.js';
import { Investigation } from '../modules/investigation/investigation.entity.js';
import { OutreachActivity } from '../modules/outreach/outreach.entity.js';
import { ProjectReview } from '../modules/project-review/project-review.entity.js';
import { SupervisionTask } from '../modules/task/task.entity.js';
import { SavedQueryRecord } from '../modules/saved-query/saved-query.entity.js';
import { Township } from '../modules/township/township.entity.js';
import { TrainingSession } from '../modules/training/training.entity.js';
import { TrustedDocument } from '../modules/trusted-document/trusted-document.entity.js';
import { WorkPlanItem } from '../modules/work-plan/work-plan-item.entity.js';

export const ENTITIES = [
  Township,
  Department,
  Enterprise,
  Accident,
  RoadTrafficDetails,
  Hazard,
  Inspection,
  TrainingSession,
  OutreachActivity,
  SupervisoryCapacity,
  EmergencyPlan,
  Drill,
  RescueTeam,
  Investigation,
  ProjectReview,
  WorkPlanItem,
  CountyYearStatistics,
  SupervisionTask,
  ...IMPORT_ENTITIES,
  AuditEntry,
  SavedQueryRecord,
  TrustedDocument,
];

/**
 * Accounts, sessions and API keys: mapped by the ORM, but kept out of ENTITIES, which `node(id:)` reads — no
 * global id reaches them except through the ADMIN operations.
 */
export const ACCOUNT_ENTITIES = [User, Session, ApiKey];
