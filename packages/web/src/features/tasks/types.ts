// The tasks pages' API types, from the contract (type-only).
import type { Office } from '@chiso/contract';

export type {
  DispatchResult,
  Office,
  Task,
  TaskDetail,
  TasksList,
  TasksOverview,
} from '@chiso/contract';

export interface OfficesResponse {
  offices: Office[];
}
