// One language of the report: its model, messages, formats and templating
// environment. Each planned output carries its edition, so no stage looks a
// language up in parallel maps.
import type { Templates } from '../handlebars/templates.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import type { ReportModel } from '../model/types.ts';

export interface Edition {
  locale: string;
  model: ReportModel;
  messages: Messages;
  formatter: Formatter;
  templates: Templates;
}
