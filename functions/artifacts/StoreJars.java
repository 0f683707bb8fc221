import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Repacks a Lambda function.zip so that it is smaller to upload and faster to start: every jar inside it is rewritten
 * with its entries STORED (not compressed), and the zip itself is deflated at level 9. One deflate stream over a
 * whole stored jar compresses the class files against each other (a jar compresses each one alone), so the upload
 * shrinks by about a quarter; Lambda unpacks the zip, and the JVM then reads the classes without inflating them.
 * The classes lose their local-variable tables (names of local variables, for debuggers only; line numbers stay, so
 * stack traces are unchanged): another 15 % of the bytes. The AWS SDK's classes ({@code software/amazon/awssdk/},
 * mostly generated request/response models and marshallers) lose all debug attributes, line numbers too: their
 * frames print as "Unknown Source" (the SDK's exceptions name the service, error code and request id).
 * Run by functions/artifacts/lambda.mk with the JDK's source launcher and ASM (copied by functions/artifacts/pom.xml):
 * <pre>java -cp target/tools/asm.jar StoreJars.java target/function.zip target/lambda.zip [IN2.zip OUT2.zip ...]</pre>
 */
public final class StoreJars {

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: java StoreJars.java IN.zip OUT.zip [IN2.zip OUT2.zip ...]");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 2) {
            repack(Path.of(args[i]), Path.of(args[i + 1]));
        }
    }

    static void repack(Path in, Path out) throws IOException {
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "lambda", ".zip.tmp");
        int jars = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(tmp))) {
            zout.setLevel(Deflater.BEST_COMPRESSION);
            Set<String> names = new HashSet<>();
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                if (!names.add(e.getName())) {
                    continue;  // Quarkus writes some directory entries twice; one is enough
                }
                byte[] content = zin.readAllBytes();
                if (!e.isDirectory() && e.getName().endsWith(".jar")) {
                    content = stored(content);
                    jars++;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                zout.write(content);
                zout.closeEntry();
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        out.toFile().setReadable(true, false);
        System.out.printf("%s: %.1f MB (%d jars stored) from %s %.1f MB%n", out, Files.size(out) / 1e6, jars, in,
                Files.size(in) / 1e6);
    }

    /** The same jar with every entry STORED, in the same order and with the same times. */
    static byte[] stored(byte[] jar) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(jar.length * 2);
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(jar));
             ZipOutputStream zout = new ZipOutputStream(buffer)) {
            Set<String> names = new HashSet<>();
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                if (!names.add(e.getName())) {
                    continue;
                }
                byte[] content = zin.readAllBytes();
                if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
                    content = AWS_SDK.matcher(e.getName()).lookingAt() ? withoutDebug(content)
                            : withoutLocalVariables(content);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                copy.setCrc(crc.getValue());
                zout.putNextEntry(copy);
                zout.write(content);
                zout.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    private static final Pattern AWS_SDK = Pattern.compile("software/amazon/awssdk/");

    /** The class without any debug attribute (source file, line numbers, local variables). */
    static byte[] withoutDebug(byte[] type) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(type).accept(writer, ClassReader.SKIP_DEBUG);
        return writer.toByteArray();
    }

    /** The class without its LocalVariableTable and LocalVariableTypeTable attributes; nothing else changes. */
    static byte[] withoutLocalVariables(byte[] type) {
        ClassReader reader = new ClassReader(type);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitLocalVariable(String n, String d, String s, Label start, Label end, int i) {
                        // dropped
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private StoreJars() {
    }
}
