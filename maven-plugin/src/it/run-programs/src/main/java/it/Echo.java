package it;

public class Echo {
    public static void main(String[] args) {
        System.out.println(String.join(" ", args));
    }
}
