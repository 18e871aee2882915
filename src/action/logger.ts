import * as core from '@actions/core';
import type { Logger } from '../stack/log.js';

/** The Actions log, with collapsible groups. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (name, work) => core.group(name, work),
};
