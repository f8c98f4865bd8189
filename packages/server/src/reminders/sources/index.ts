import type { ReminderSource } from '../source.js';
import { explanationOpenedSource } from './explanation-opened.js';
import { supplementRequestedSource } from './supplement-requested.js';
import { surveyCodesUnansweredSource } from './survey-codes-unanswered.js';
import { taskDueSource } from './task-due.js';
import { windowClosingSource } from './window-closing.js';

/** Every reminder source the scan asks, in this order. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [
  windowClosingSource,
  supplementRequestedSource,
  explanationOpenedSource,
  taskDueSource,
  surveyCodesUnansweredSource,
];
