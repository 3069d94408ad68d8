'use client';
import { useActionState } from 'react';
import { echo } from './actions';

export function Form() {
  const [name, action, pending] = useActionState(echo, '');
  return (
    <form action={action}>
      <input name="name" defaultValue={name} />
      <button disabled={pending}>Save</button>
      <output>{name}</output>
    </form>
  );
}
