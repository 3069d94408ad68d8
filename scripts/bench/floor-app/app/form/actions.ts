'use server';

export async function echo(_previous: string, formData: FormData): Promise<string> {
  return String(formData.get('name') ?? '');
}
