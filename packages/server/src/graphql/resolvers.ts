// Every resolver of the hub; a module adds its resolver here.
import { AccidentResolver } from '../modules/accident/accident.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { TownshipResolver } from '../modules/township/township.resolver.js';
import { TrainingSessionResolver } from '../modules/training/training.resolver.js';
import { OutreachActivityResolver } from '../modules/outreach/outreach.resolver.js';
import { SupervisoryCapacityResolver } from '../modules/capacity/capacity.resolver.js';
import { EmergencyPlanResolver } from '../modules/emergency/emergency-plan.resolver.js';
import { DrillResolver } from '../modules/emergency/drill.resolver.js';
import { RescueTeamResolver } from '../modules/emergency/rescue-team.resolver.js';
import {
  AccidentInvestigationResolver,
  InvestigationResolver,
} from '../modules/investigation/investigation.resolver.js';
import { WorkPlanItemResolver } from '../modules/work-plan/work-plan.resolver.js';
import { CountyYearStatisticsResolver } from '../modules/county-statistics/county-statistics.resolver.js';
import { DepartmentResolver } from '../modules/department/department.resolver.js';
import { EnterpriseResolver } from '../modules/enterprise/enterprise.resolver.js';
import { HazardResolver } from '../modules/hazard/hazard.resolver.js';
import { ImportResolver } from '../modules/import/import.resolver.js';
import { InspectionResolver } from '../modules/inspection/inspection.resolver.js';
import { ProjectReviewResolver } from '../modules/project-review/project-review.resolver.js';
import { SupervisionTaskResolver } from '../modules/task/task.resolver.js';
import { ApiKeyResolver, MeResolver, UserResolver } from '../modules/auth/auth.resolver.js';
import { ExploreResolver } from '../modules/explore/explore.resolver.js';
import { SavedQueryResolver } from '../modules/saved-query/saved-query.resolver.js';
import { TrustedDocumentResolver } from '../modules/trusted-document/trusted-document.resolver.js';
import { NodeResolver } from './node.resolver.js';

export const RESOLVERS = [
  NodeResolver,
  TownshipResolver,
  AccidentResolver,
  TrainingSessionResolver,
  OutreachActivityResolver,
  SupervisoryCapacityResolver,
  EmergencyPlanResolver,
  DrillResolver,
  RescueTeamResolver,
  InvestigationResolver,
  AccidentInvestigationResolver,
  WorkPlanItemResolver,
  CountyYearStatisticsResolver,
  DepartmentResolver,
  EnterpriseResolver,
  HazardResolver,
  InspectionResolver,
  ProjectReviewResolver,
  SupervisionTaskResolver,
  ImportResolver,
  MeResolver,
  UserResolver,
  ApiKeyResolver,
  AuditResolver,
  ExploreResolver,
  SavedQueryResolver,
  TrustedDocumentResolver,
] as const;
