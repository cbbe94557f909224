import { RATING_LEVELS, type RubricContent } from '@scorecard/contracts';
import { useFormContext, type Path } from 'react-hook-form';
import { EditorField } from '../editor/EditorField';
import { levelLabel } from './rubric-text';

/** The four anchors of a criterion: what a 1, 2, 3 and 4 look like, side by side on wide screens. */
export function AnchorFields({ path }: { path: string }) {
  const { register } = useFormContext<RubricContent>();
  return (
    <fieldset className="anchors">
      <legend className="anchors__legend">What each rating looks like</legend>
      <div className="anchors__grid anchors__grid--edit">
        {RATING_LEVELS.map((level, i) => (
          <EditorField key={level} path={`${path}.${i}`} label={levelLabel(i)} className={`anchor anchor--${level}`}>
            {(control) => (
              <textarea
                {...control}
                {...register(`${path}.${i}` as Path<RubricContent>)}
                className="input textarea"
                rows={4}
              />
            )}
          </EditorField>
        ))}
      </div>
    </fieldset>
  );
}
