import { useEffect, useState } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { useT } from '../i18n/index.ts';
import './DropImport.css';

/** Drop files or folders anywhere on the window to import them for the current patient. */
export function DropImport({ patient, onDrop }: { patient: Patient; onDrop: (paths: string[]) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const paths = [...(e.dataTransfer?.files ?? [])].map((file) => window.casebinder.pathForFile(file)).filter(Boolean);
      if (paths.length) onDrop(paths);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  const { rich } = useT();
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{rich('drop.importFor', { name: <strong>{patient.name}</strong> })}</p>
    </div>
  );
}
