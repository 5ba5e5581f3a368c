import { CopyEmbedButton } from '../embed/CopyEmbedButton';
import { ExportPicture } from '../export/ExportPicture';
import { ExportJobButton } from '../transfer/ExportJobButton';

/** The Share menu's tools (export the job, copy the embed code, save a picture): a chunk of their own (lazyShare.tsx). */
export default function ShareItems() {
  return (
    <>
      <ExportJobButton />
      <CopyEmbedButton />
      <ExportPicture />
    </>
  );
}
