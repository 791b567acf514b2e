// One language of the report: its model, messages, formats and templating
// environment. Each planned output carries its edition, so no stage looks a
// language up in parallel maps.
import type { Templates } from '../handlebars/templates.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import type { ReportModel } from '../model/types.ts';
import type { CooperationData } from '../validate/data-types.ts';

export interface Edition {
  locale: string;
  /** The validated data in this language, as the model was built from it. */
  data: CooperationData;
  model: ReportModel;
  messages: Messages;
  formatter: Formatter;
  templates: Templates;
}
