import { SyncFileWriter } from './sync-file-writer.ts';

const FLUSH_CHARS = 1 << 19;

/** JSON lines (UTF-8, LF); `undefined` properties are left out by JSON.stringify. */
export class JsonlWriter {
  private readonly file: SyncFileWriter;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(path: string) {
    this.file = new SyncFileWriter(path);
  }

  get bytesWritten(): number {
    return this.file.bytesWritten;
  }

  writeObject(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.file.write(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingChars = 0;
  }

  close(): void {
    this.flush();
    this.file.close();
  }
}
