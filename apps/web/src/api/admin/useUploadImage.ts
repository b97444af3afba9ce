import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../client.ts';

/** Uploads raw image bytes; resolves with the site-relative URL the server stored them under. */
export function useUploadImage() {
  return useMutation({
    mutationFn: async (file: File): Promise<string> => {
      const res = await fetch('/api/admin/uploads', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        throw new ApiError(
          body ?? { type: 'about:blank', title: 'Upload failed', status: res.status, code: 'UPLOAD_FAILED' },
        );
      }
      return (body as { url: string }).url;
    },
  });
}
