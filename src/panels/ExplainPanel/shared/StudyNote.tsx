import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

/** What the values of a network too big to build here are. */
export function StudyNote({ layer }: { layer: number }): JSX.Element {
  const { t } = useTranslation('explain');
  return (
    <p className="study-note" data-testid="explain-study-note">
      {layer === 0 ? t('studyNote.firstLayer') : t('studyNote.deeperLayer')}
    </p>
  );
}
