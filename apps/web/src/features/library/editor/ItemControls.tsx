type ItemControlsProps = {
  /** Stable key of the item, for the buttons' ids (focus follows the item when it moves). */
  itemKey: string;
  /** What the item is called, for the buttons' accessible names ("Move Technical depth up"). */
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  removeLabel: string;
  /** The last item of a list that must keep one can't be removed. */
  canRemove?: boolean;
};

export const moveUpId = (key: string) => `move-up-${key}`;
export const moveDownId = (key: string) => `move-down-${key}`;

/** Move up, Move down and Remove for one item of an ordered list. */
export function ItemControls({
  itemKey,
  name,
  index,
  count,
  onMove,
  onRemove,
  removeLabel,
  canRemove = true,
}: ItemControlsProps) {
  return (
    <div className="item-controls">
      <button
        type="button"
        id={moveUpId(itemKey)}
        className="button button--ghost button--small"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        Move up<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        id={moveDownId(itemKey)}
        className="button button--ghost button--small"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        Move down<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        className="button button--ghost button--small button--danger-text"
        disabled={!canRemove}
        onClick={onRemove}
      >
        {removeLabel}
        <span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}

/**
 * After moving an item, keeps focus on the button that moved it (or its twin once the item
 * reaches an end of the list), and says where the item is now.
 */
export function afterMove(
  ui: { announce: (text: string) => void; focusLater: (id: string, fallbackId?: string) => void },
  key: string,
  name: string,
  from: number,
  to: number,
  count: number,
) {
  const up = to < from;
  ui.focusLater(up ? moveUpId(key) : moveDownId(key), up ? moveDownId(key) : moveUpId(key));
  ui.announce(`Moved ${name} to position ${to + 1} of ${count}.`);
}
