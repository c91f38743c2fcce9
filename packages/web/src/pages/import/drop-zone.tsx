import { type DragEvent, useState } from 'react';
import { useT } from '../../use-t.ts';

const ACCEPT = '.xlsx,.csv,.tsv,.txt,.jsonl';

/** Drop a file here, or click to pick one. */
export function DropZone({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const t = useT();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <label
      className={`drop-zone${over ? ' over' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <span className="drop-icon" aria-hidden="true">
        ⇪
      </span>
      <span>{busy ? t('imports.uploading') : t('imports.drop')}</span>
      <input
        type="file"
        accept={ACCEPT}
        data-testid="import-file-input"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </label>
  );
}
