export default function BoardPage() {
  return (
    <main className="p-6">
      <h1 className="text-2xl font-semibold">Podtrail</h1>
    </main>
  );
}
